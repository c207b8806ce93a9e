import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/database";
import { UserStore } from "./users";

let dir: string;
let db: Db;
let users: UserStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-users-"));
  db = openDatabase(dir);
  users = new UserStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("UserStore.ensureAdmin", () => {
  it("generates a password on first boot and signs in with it", async () => {
    const result = await users.ensureAdmin(undefined);

    expect(result.created).toBe(true);
    expect(result.generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(users.authenticate("admin", result.generated!)).resolves.toMatchObject({
      username: "admin",
      role: "admin",
    });
  });

  it("does nothing once an admin exists", async () => {
    const first = await users.ensureAdmin(undefined);

    const second = await users.ensureAdmin("a-new-password");

    expect(second).toEqual({ created: false });
    expect(db.prepare("SELECT COUNT(*) AS n FROM users").get()).toEqual({ n: 1 });
    await expect(users.authenticate("admin", "a-new-password")).resolves.toBeUndefined();
    await expect(users.authenticate("admin", first.generated!)).resolves.toBeDefined();
  });

  it("uses the configured password and does not return it", async () => {
    const result = await users.ensureAdmin("configured-secret");

    expect(result).toEqual({ created: true });
    await expect(users.authenticate("admin", "configured-secret")).resolves.toMatchObject({
      username: "admin",
    });
  });

  it("stores a hash, not the password", async () => {
    await users.ensureAdmin("configured-secret");

    const row = db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get() as {
      password_hash: string;
    };

    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain("configured-secret");
  });
});

describe("UserStore.authenticate", () => {
  it("returns the user for the right password", async () => {
    const created = await users.create("ops", "operator-pass", "operator");

    const user = await users.authenticate("ops", "operator-pass");

    expect(user).toEqual({ id: created.id, username: "ops", role: "operator" });
  });

  it("matches the username without regard to case", async () => {
    await users.create("Ops", "operator-pass", "operator");

    await expect(users.authenticate("OPS", "operator-pass")).resolves.toMatchObject({ username: "Ops" });
  });

  it("refuses a wrong password", async () => {
    await users.create("ops", "operator-pass", "operator");

    await expect(users.authenticate("ops", "operator-pas")).resolves.toBeUndefined();
  });

  it("refuses an unknown user", async () => {
    await expect(users.authenticate("ghost", "whatever")).resolves.toBeUndefined();
  });

  it("refuses a disabled user with the right password", async () => {
    const created = await users.create("ops", "operator-pass", "operator");
    db.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(created.id);

    await expect(users.authenticate("ops", "operator-pass")).resolves.toBeUndefined();
  });
});

describe("UserStore.findById", () => {
  it("returns the user with its disabled flag", async () => {
    const created = await users.create("viewer1", "viewer-pass", "viewer");
    db.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(created.id);

    expect(users.findById(created.id)).toEqual({
      id: created.id,
      username: "viewer1",
      role: "viewer",
      disabled: true,
    });
  });

  it("returns undefined for an unknown id", () => {
    expect(users.findById(999)).toBeUndefined();
  });
});
