import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors";
import { openDatabase, type Db } from "../db/database";
import { UserStore } from "./users";

const T0 = 1_700_000_000_000;

let dir: string;
let db: Db;
let users: UserStore;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-users-"));
  db = openDatabase(dir);
  users = new UserStore(db);
});

afterEach(() => {
  vi.useRealTimers();
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

    expect(user).toEqual({
      id: created.id,
      username: "ops",
      role: "operator",
      hosts: "*",
      disabled: false,
      createdAt: T0,
    });
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
      hosts: "*",
      disabled: true,
      createdAt: T0,
    });
  });

  it("returns undefined for an unknown id", () => {
    expect(users.findById(999)).toBeUndefined();
  });
});

/** The AppError code a promise rejects with or a function throws. */
async function errorCode(action: () => unknown): Promise<string | undefined> {
  try {
    await action();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe("UserStore.create", () => {
  it("stores the scope: a host list and a label selector", async () => {
    const created = await users.create("scoped", "scoped-pass", "viewer", {
      hosts: ["edge", "local"],
      labelSelector: "team=shop",
    });

    expect(users.getById(created.id)).toEqual({
      id: created.id,
      username: "scoped",
      role: "viewer",
      hosts: ["edge", "local"],
      labelSelector: "team=shop",
      disabled: false,
      createdAt: T0,
    });
  });

  it("refuses a taken username with CONFLICT, whatever its case", async () => {
    await users.create("ops", "operator-pass", "operator");

    await expect(errorCode(() => users.create("ops", "another-pass", "viewer"))).resolves.toBe("CONFLICT");
    await expect(errorCode(() => users.create("OPS", "another-pass", "viewer"))).resolves.toBe("CONFLICT");
    expect(users.list()).toHaveLength(1);
  });
});

describe("UserStore.list and getById", () => {
  it("lists every user ordered by username", async () => {
    await users.create("carol", "carol-pass", "viewer");
    await users.create("alice", "alice-pass", "admin");
    await users.create("bob", "bob-passw", "operator");

    expect(users.list().map((u) => [u.username, u.role])).toEqual([
      ["alice", "admin"],
      ["bob", "operator"],
      ["carol", "viewer"],
    ]);
  });

  it("throws NOT_FOUND from getById for an unknown id", async () => {
    await expect(errorCode(() => users.getById(999))).resolves.toBe("NOT_FOUND");
  });

  it("reads a hosts column that is not valid JSON as no hosts", async () => {
    const created = await users.create("broken", "broken-pass", "viewer");
    db.prepare("UPDATE users SET hosts = 'not json' WHERE id = ?").run(created.id);

    expect(users.getById(created.id).hosts).toEqual([]);
  });
});

describe("UserStore.update", () => {
  it("changes the role, scope and disabled flag", async () => {
    await users.create("admin", "admin-pass", "admin");
    const ops = await users.create("ops", "operator-pass", "operator");

    const updated = await users.update(ops.id, {
      role: "viewer",
      scope: { hosts: ["edge"], labelSelector: "tier" },
      disabled: true,
    });

    expect(updated).toEqual({
      id: ops.id,
      username: "ops",
      role: "viewer",
      hosts: ["edge"],
      labelSelector: "tier",
      disabled: true,
      createdAt: T0,
    });
    expect(users.getById(ops.id)).toEqual(updated);
  });

  it("clears the label selector when the new scope has none", async () => {
    const ops = await users.create("ops", "operator-pass", "operator", { hosts: "*", labelSelector: "tier" });

    const updated = await users.update(ops.id, { scope: { hosts: "*" } });

    expect(updated).not.toHaveProperty("labelSelector");
    expect(db.prepare("SELECT label_selector FROM users WHERE id = ?").get(ops.id)).toEqual({
      label_selector: null,
    });
  });

  it("leaves fields it was not given alone", async () => {
    const ops = await users.create("ops", "operator-pass", "operator", { hosts: ["edge"] });

    const updated = await users.update(ops.id, {});

    expect(updated).toEqual(ops);
    await expect(users.authenticate("ops", "operator-pass")).resolves.toBeDefined();
  });

  it("sets a new password: the old one stops working", async () => {
    const ops = await users.create("ops", "operator-pass", "operator");

    await users.update(ops.id, { password: "brand-new-pass" });

    await expect(users.authenticate("ops", "operator-pass")).resolves.toBeUndefined();
    await expect(users.authenticate("ops", "brand-new-pass")).resolves.toMatchObject({ id: ops.id });
  });

  it("re-enables a disabled user", async () => {
    const ops = await users.create("ops", "operator-pass", "operator");
    await users.update(ops.id, { disabled: true });

    const updated = await users.update(ops.id, { disabled: false });

    expect(updated.disabled).toBe(false);
    await expect(users.authenticate("ops", "operator-pass")).resolves.toBeDefined();
  });

  it("throws NOT_FOUND for an unknown user", async () => {
    await expect(errorCode(() => users.update(999, { role: "viewer" }))).resolves.toBe("NOT_FOUND");
  });

  it("refuses to demote the last enabled admin", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");

    await expect(errorCode(() => users.update(admin.id, { role: "operator" }))).resolves.toBe("CONFLICT");
    expect(users.getById(admin.id).role).toBe("admin");
  });

  it("refuses to disable the last enabled admin", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");

    await expect(errorCode(() => users.update(admin.id, { disabled: true }))).resolves.toBe("CONFLICT");
    expect(users.getById(admin.id).disabled).toBe(false);
  });

  it("does not count a disabled admin as another admin", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");
    const other = await users.create("root", "root-passw", "admin");
    await users.update(other.id, { disabled: true });

    await expect(errorCode(() => users.update(admin.id, { role: "viewer" }))).resolves.toBe("CONFLICT");
  });

  it("lets an admin be demoted once another enabled admin exists", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");
    await users.create("root", "root-passw", "admin");

    const updated = await users.update(admin.id, { role: "operator" });

    expect(updated.role).toBe("operator");
  });

  it("lets the last admin change its own scope and password", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");

    const updated = await users.update(admin.id, {
      role: "admin",
      disabled: false,
      scope: { hosts: ["local"] },
      password: "admin-pass-2",
    });

    expect(updated).toMatchObject({ role: "admin", disabled: false, hosts: ["local"] });
  });
});

describe("UserStore.delete", () => {
  it("deletes a user and returns what it was", async () => {
    const ops = await users.create("ops", "operator-pass", "operator");

    const deleted = users.delete(ops.id);

    expect(deleted).toEqual(ops);
    expect(users.findById(ops.id)).toBeUndefined();
  });

  it("refuses to delete the last enabled admin", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");

    await expect(errorCode(() => users.delete(admin.id))).resolves.toBe("CONFLICT");
    expect(users.findById(admin.id)).toBeDefined();
  });

  it("deletes an admin when another enabled admin remains", async () => {
    const admin = await users.create("admin", "admin-pass", "admin");
    await users.create("root", "root-passw", "admin");

    users.delete(admin.id);

    expect(users.list().map((u) => u.username)).toEqual(["root"]);
  });

  it("throws NOT_FOUND for an unknown user", async () => {
    await expect(errorCode(() => users.delete(999))).resolves.toBe("NOT_FOUND");
  });
});

describe("UserStore.verifyOwnPassword", () => {
  it("is true only for the user's current password", async () => {
    const ops = await users.create("ops", "operator-pass", "operator");

    await expect(users.verifyOwnPassword(ops.id, "operator-pass")).resolves.toBe(true);
    await expect(users.verifyOwnPassword(ops.id, "operator-pas")).resolves.toBe(false);
  });

  it("is false for an unknown user", async () => {
    await expect(users.verifyOwnPassword(999, "whatever-pass")).resolves.toBe(false);
  });
});
