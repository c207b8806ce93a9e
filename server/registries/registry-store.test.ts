import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { SecretBox } from "../auth/secrets";
import { openDatabase, type Db } from "../db/database";
import { RegistryStore } from "./registry-store";

let dir: string;
let db: Db;
let store: RegistryStore;
const PW = "hunter2-registry-pw";

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-registries-"));
  db = openDatabase(dir);
  store = new RegistryStore(db, SecretBox.fromConfig("k".repeat(32), dir));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const column = (id: number) =>
  (db.prepare("SELECT password FROM registries WHERE id = ?").get(id) as { password: string | null })
    .password;

describe("RegistryStore", () => {
  it("seals the password: the column never holds it, the record only says it exists", () => {
    const r = store.add({ name: "auth", url: "http://127.0.0.1:5001", username: "wharf", password: PW });
    expect(r).toMatchObject({ name: "auth", username: "wharf", hasPassword: true });
    expect(JSON.stringify(r)).not.toContain(PW);
    expect(column(r.id)).toMatch(/^enc:v1:/);
    expect(column(r.id)).not.toContain(PW);
    expect(JSON.stringify(db.prepare("SELECT * FROM registries").all())).not.toContain(PW);
    expect(store.target(r.id)).toEqual({
      id: r.id,
      name: "auth",
      url: "http://127.0.0.1:5001",
      username: "wharf",
      password: PW,
    });
  });

  it("keeps, replaces and clears the password on update", () => {
    const r = store.add({ name: "auth", url: "http://127.0.0.1:5001", username: "wharf", password: PW });
    const sealed = column(r.id);
    expect(store.update(r.id, { name: "renamed" })).toMatchObject({ name: "renamed", hasPassword: true });
    expect(column(r.id)).toBe(sealed);
    store.update(r.id, { password: "another-pw" });
    expect(column(r.id)).toMatch(/^enc:v1:/);
    expect(store.target(r.id).password).toBe("another-pw");
    expect(store.update(r.id, { password: null })).toMatchObject({ hasPassword: false });
    expect(column(r.id)).toBeNull();
    expect(store.update(r.id, { username: "" }).username).toBeUndefined();
  });

  it("refuses duplicate names, unknown ids, and a password without a username", () => {
    const r = store.add({ name: "open", url: "http://127.0.0.1:5000" });
    expect(r.hasPassword).toBe(false);
    expect(() => store.add({ name: "open", url: "http://x" })).toThrow(/already exists/);
    expect(() => store.get(999)).toThrow(AppError);
    expect(() => store.update(r.id, { password: "pw" })).toThrow(/username: is required/);
    store.remove(r.id);
    expect(store.list()).toEqual([]);
  });

  it("reports a password sealed with another key instead of failing obscurely", () => {
    const r = store.add({ name: "auth", url: "http://x", username: "u", password: PW });
    const other = new RegistryStore(db, SecretBox.fromConfig("z".repeat(32), dir));
    expect(() => other.target(r.id)).toThrow(/cannot be opened/);
    expect(other.list()[0]?.hasPassword).toBe(true);
  });
});
