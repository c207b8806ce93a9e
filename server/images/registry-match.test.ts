import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReference, type ImageReference } from "../../lib/images/reference";
import { SecretBox } from "../auth/secrets";
import { openDatabase, type Db } from "../db/database";
import { RegistryStore } from "../registries/registry-store";
import { registryAuth, registryKey, resolveRegistry } from "./registry-match";

let dir: string;
let db: Db;
let store: RegistryStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-match-"));
  db = openDatabase(dir);
  store = new RegistryStore(db, SecretBox.fromConfig("k".repeat(32), dir));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ref = (s: string): ImageReference => {
  const r = parseReference(s);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};

describe("registryKey", () => {
  it("is the host and port a reference names, with Docker Hub's aliases folded", () => {
    expect(registryKey("http://127.0.0.1:5000")).toBe("127.0.0.1:5000");
    expect(registryKey("https://registry.example.com")).toBe("registry.example.com");
    expect(registryKey("https://registry-1.docker.io")).toBe("docker.io");
  });
});

describe("resolveRegistry", () => {
  it("matches a stored registry by the reference's host:port and opens its credentials", () => {
    const auth = store.add({ name: "auth", url: "http://127.0.0.1:5001", username: "wharf", password: "pw" });
    store.add({ name: "plain", url: "http://127.0.0.1:5000" });
    const r = resolveRegistry(store, ref("127.0.0.1:5001/busybox:1.35"), undefined);
    expect(r.target?.id).toBe(auth.id);
    expect(registryAuth(r.target)).toEqual({
      username: "wharf",
      password: "pw",
      serveraddress: "127.0.0.1:5001",
    });
    // A registry without a username sends no credentials at all.
    expect(registryAuth(resolveRegistry(store, ref("127.0.0.1:5000/x"), undefined).target)).toBeUndefined();
    expect(resolveRegistry(store, ref("127.0.0.1:5002/x"), undefined).target).toBeUndefined();
  });

  it("places a bare name on the registry named by id, and refuses a reference to another host", () => {
    const r = store.add({ name: "auth", url: "http://127.0.0.1:5001", username: "wharf", password: "pw" });
    expect(resolveRegistry(store, ref("busybox:1.35"), r.id).ref).toEqual({
      domain: "127.0.0.1:5001",
      path: "busybox",
      tag: "1.35",
    });
    expect(() => resolveRegistry(store, ref("127.0.0.1:5000/busybox"), r.id)).toThrow(
      /^image: names registry/,
    );
    expect(() => resolveRegistry(store, ref("busybox"), 999)).toThrow(/^registryId: no registry/);
  });
});
