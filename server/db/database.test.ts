import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, openDatabase, type Db } from "./database";
import { MIGRATIONS } from "./migrations";

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-db-"));
});

afterEach(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("creates the data directory and the database file", () => {
    const dataDir = path.join(dir, "nested", "data");

    db = openDatabase(dataDir);

    expect(fs.existsSync(path.join(dataDir, "wharf.db"))).toBe(true);
  });

  it("applies every migration and records it", () => {
    db = openDatabase(dir);

    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();

    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(tables).toEqual(
      expect.arrayContaining([
        { name: "schema_migrations" },
        { name: "sessions" },
        { name: "users" },
        { name: "api_tokens" },
        { name: "audit_log" },
        { name: "managed_hosts" },
      ]),
    );
  });

  it("gives a new user every host and no label selector by default", () => {
    db = openDatabase(dir);
    db.prepare(
      "INSERT INTO users (username, password_hash, role, created_at) VALUES ('ann', 'x', 'viewer', 0)",
    ).run();

    expect(db.prepare("SELECT hosts, label_selector FROM users").get()).toEqual({
      hosts: '"*"',
      label_selector: null,
    });
  });

  it("refuses two api tokens with the same hash", () => {
    db = openDatabase(dir);
    const insert = db.prepare(
      "INSERT INTO api_tokens (name, token_hash, role, created_by, created_at) VALUES (?, 'h1', 'viewer', 'admin', 0)",
    );
    insert.run("first");

    expect(() => insert.run("second")).toThrow(/UNIQUE/);
  });

  it("turns on WAL and foreign keys", () => {
    db = openDatabase(dir);

    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("deletes a user's sessions with the user", () => {
    db = openDatabase(dir);
    db.prepare(
      "INSERT INTO users (id, username, password_hash, role, created_at) VALUES (7, 'ann', 'x', 'viewer', 0)",
    ).run();
    db.prepare(
      "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES ('s1', 7, 0, 0, 1)",
    ).run();

    db.prepare("DELETE FROM users WHERE id = 7").run();

    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions").get()).toEqual({ n: 0 });
  });

  it("keeps the data when opened again", () => {
    db = openDatabase(dir);
    db.prepare(
      "INSERT INTO users (username, password_hash, role, created_at) VALUES ('ann', 'x', 'viewer', 0)",
    ).run();
    db.close();

    db = openDatabase(dir);

    expect(db.prepare("SELECT username FROM users").all()).toEqual([{ username: "ann" }]);
  });
});

describe("migrate", () => {
  it("upgrades a version 1 database: existing users keep working with every host", () => {
    const first = MIGRATIONS[0];
    if (!first) throw new Error("no migrations");
    db = new Database(path.join(dir, "wharf.db"));
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)");
    db.exec(first.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, ?, 0)").run(first.name);
    db.prepare(
      "INSERT INTO users (username, password_hash, role, created_at) VALUES ('ann', 'x', 'viewer', 0)",
    ).run();

    const applied = migrate(db);

    expect(applied).toBe(MIGRATIONS.length - 1);
    expect(db.prepare("SELECT username, hosts, label_selector FROM users").all()).toEqual([
      { username: "ann", hosts: '"*"', label_selector: null },
    ]);
  });

  it("is idempotent: a second run applies nothing", () => {
    db = openDatabase(dir);

    const applied = migrate(db);

    expect(applied).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get()).toEqual({ n: MIGRATIONS.length });
  });
});
