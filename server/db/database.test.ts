import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
      expect.arrayContaining([{ name: "schema_migrations" }, { name: "sessions" }, { name: "users" }]),
    );
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
  it("is idempotent: a second run applies nothing", () => {
    db = openDatabase(dir);

    const applied = migrate(db);

    expect(applied).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get()).toEqual({ n: MIGRATIONS.length });
  });
});
