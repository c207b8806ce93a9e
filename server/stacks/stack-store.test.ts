import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SecretBox } from "../auth/secrets";
import { openDatabase, type Db } from "../db/database";
import { redactEnv, StackStore } from "./stack-store";

let dir: string;
let db: Db;
let store: StackStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-stacks-"));
  db = openDatabase(dir);
  store = new StackStore(db, SecretBox.fromConfig("k".repeat(32), dir));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rawColumns = () => JSON.stringify(db.prepare("SELECT env, files, compose FROM stack_revisions").all());

describe("StackStore", () => {
  it("keeps revisions in order, newest first, and opens the sealed .env and files", () => {
    store.create("local", "shop", "", {
      compose: "a",
      env: "DB_PASSWORD=s3cret",
      author: "admin",
      message: "first",
    });
    store.addRevision("local", "shop", { compose: "b", files: { "token.txt": "t0ken" }, author: "ops" });
    expect(store.revisions("local", "shop").map((r) => [r.revision, r.author])).toEqual([
      [2, "ops"],
      [1, "admin"],
    ]);
    expect(store.revision("local", "shop", 1)).toMatchObject({
      compose: "a",
      env: "DB_PASSWORD=s3cret",
      files: {},
    });
    expect(store.revision("local", "shop")).toMatchObject({
      revision: 2,
      compose: "b",
      env: "",
      files: { "token.txt": "t0ken" },
    });
    expect(rawColumns()).not.toMatch(/s3cret|t0ken/);
  });

  it("refuses a second stack of the same name on a host, and allows it on another", () => {
    store.create("local", "shop", "", { compose: "a", author: "admin" });
    expect(() => store.create("local", "shop", "", { compose: "a", author: "admin" })).toThrow(
      /already exists/,
    );
    expect(store.create("edge", "shop", "team=a", { compose: "a", author: "admin" }).revision).toBe(1);
    expect(store.find("edge", "shop")?.owner).toBe("team=a");
  });

  it("remembers the last revision deployed, and forgets every revision with the stack", () => {
    store.create("local", "shop", "", { compose: "a", author: "admin" });
    store.addRevision("local", "shop", { compose: "b", author: "admin" });
    expect(store.lastDeployed("local", "shop")).toBeUndefined();
    store.markDeployed("local", "shop", 1, "ops");
    expect(store.lastDeployed("local", "shop")).toMatchObject({ revision: 1, deployedBy: "ops" });
    store.remove("local", "shop");
    expect(store.find("local", "shop")).toBeUndefined();
    expect(store.revisions("local", "shop")).toEqual([]);
  });

  it("an .env sealed by another key is reported plainly, never shown garbled", () => {
    store.create("local", "shop", "", { compose: "a", env: "A=1", author: "admin" });
    const other = new StackStore(db, SecretBox.fromConfig("z".repeat(32), dir));
    expect(() => other.revision("local", "shop")).toThrow(/another secret key/);
  });
});

describe("redactEnv", () => {
  it("keeps names, comments and blank lines, and hides every value", () => {
    expect(redactEnv("# db\nDB_PASSWORD=s3cret\n\nexport TOKEN = abc\nnot a pair")).toBe(
      "# db\nDB_PASSWORD=…\n\nexport TOKEN =…\nnot a pair",
    );
  });
});
