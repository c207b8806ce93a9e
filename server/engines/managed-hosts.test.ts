import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { SecretBox } from "../auth/secrets";
import { openDatabase, type Db } from "../db/database";
import type { HostEntry } from "./host-spec";
import { ManagedHostStore } from "./managed-hosts";

const CA = "-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n";
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIBkey\n-----END PRIVATE KEY-----\n";
const SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n";

const TLS_HOST: HostEntry = {
  id: "secure",
  name: "Secure edge",
  url: "https://10.0.0.6:2376",
  tls: { ca: CA, cert: CERT, key: KEY },
};
const SSH_HOST: HostEntry = { id: "remote", url: "ssh://deploy@10.0.0.7:2222", ssh: { privateKey: SSH_KEY } };
const TCP_HOST: HostEntry = { id: "plain", url: "tcp://10.0.0.5:2375" };

let dir: string;
let db: Db;
let store: ManagedHostStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-managed-"));
  db = openDatabase(dir);
  store = new ManagedHostStore(db, SecretBox.fromConfig("x".repeat(32), dir));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Row = { id: string; name: string; url: string; tls: string | null; ssh: string | null };
const rows = () => db.prepare("SELECT id, name, url, tls, ssh FROM managed_hosts ORDER BY id").all() as Row[];

function noErrors() {
  const errors: [string, string][] = [];
  return { errors, onError: (id: string, message: string) => errors.push([id, message]) };
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("ManagedHostStore.add", () => {
  it("returns the managed spec of a TLS host", () => {
    expect(store.add(TLS_HOST)).toEqual({
      id: "secure",
      name: "Secure edge",
      kind: "tls",
      url: "https://10.0.0.6:2376",
      source: "managed",
      connection: { protocol: "https", host: "10.0.0.6", port: 2376, ca: CA, cert: CERT, key: KEY },
    });
  });

  it("stores the TLS material sealed, never as PEM text", () => {
    store.add(TLS_HOST);

    const [row] = rows();

    expect(row).toMatchObject({ id: "secure", name: "Secure edge", url: "https://10.0.0.6:2376", ssh: null });
    expect(row?.tls).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows())).not.toContain("-----BEGIN");
  });

  it("stores the SSH key sealed, never as PEM text", () => {
    store.add(SSH_HOST);

    const [row] = rows();

    expect(row?.tls).toBeNull();
    expect(row?.ssh).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows())).not.toContain("-----BEGIN");
  });

  it("names a host after its id when it has no name", () => {
    expect(store.add(TCP_HOST).name).toBe("plain");
    expect(rows()[0]).toEqual({
      id: "plain",
      name: "plain",
      url: "tcp://10.0.0.5:2375",
      tls: null,
      ssh: null,
    });
  });

  it.each<[string, HostEntry, string]>([
    ["an https url without tls", { id: "bad", url: "https://10.0.0.6:2376" }, "tls:"],
    ["an ssh url without a key", { id: "bad", url: "ssh://10.0.0.7" }, "ssh:"],
    ["a relative unix socket path", { id: "bad", url: "unix://docker.sock" }, "url:"],
    ["a port out of range", { id: "bad", url: "tcp://10.0.0.5:70000" }, "url:"],
    [
      "a PEM that is a missing file",
      { id: "bad", url: "https://10.0.0.6:2376", tls: { ca: "/no/such/ca.pem", cert: CERT, key: KEY } },
      "tls.ca:",
    ],
  ])("refuses %s with VALIDATION and stores nothing", (_label, entry, field) => {
    const err = thrown(() => store.add(entry));

    expect(err.code).toBe("VALIDATION");
    expect(err.message.startsWith(field)).toBe(true);
    expect(rows()).toEqual([]);
    expect(store.has("bad")).toBe(false);
  });
});

describe("ManagedHostStore.specs", () => {
  it("gives back every stored host with its kind and connection, PEMs opened", () => {
    store.add(TLS_HOST);
    store.add(SSH_HOST);
    store.add(TCP_HOST);
    const { errors, onError } = noErrors();

    const specs = store.specs(onError);

    expect(errors).toEqual([]);
    expect(specs).toEqual([
      {
        id: "plain",
        name: "plain",
        kind: "tcp",
        url: "tcp://10.0.0.5:2375",
        source: "managed",
        connection: { protocol: "http", host: "10.0.0.5", port: 2375 },
      },
      {
        id: "remote",
        name: "remote",
        kind: "ssh",
        url: "ssh://deploy@10.0.0.7:2222",
        source: "managed",
        connection: {
          protocol: "ssh",
          host: "10.0.0.7",
          port: 2222,
          username: "deploy",
          sshOptions: { privateKey: SSH_KEY },
        },
      },
      {
        id: "secure",
        name: "Secure edge",
        kind: "tls",
        url: "https://10.0.0.6:2376",
        source: "managed",
        connection: { protocol: "https", host: "10.0.0.6", port: 2376, ca: CA, cert: CERT, key: KEY },
      },
    ]);
  });

  it("reports and skips a host whose material another key sealed", () => {
    store.add(TLS_HOST);
    store.add(TCP_HOST);
    const otherKey = new ManagedHostStore(db, SecretBox.fromConfig("y".repeat(32), dir));
    const { errors, onError } = noErrors();

    const specs = otherKey.specs(onError);

    expect(specs.map((s) => s.id)).toEqual(["plain"]);
    expect(errors.map(([id]) => id)).toEqual(["secure"]);
  });

  it("is empty when no host was added", () => {
    expect(store.specs(noErrors().onError)).toEqual([]);
  });
});

describe("ManagedHostStore.has and remove", () => {
  it("knows the hosts it stores", () => {
    store.add(TCP_HOST);

    expect(store.has("plain")).toBe(true);
    expect(store.has("other")).toBe(false);
  });

  it("removes a host and leaves the others", () => {
    store.add(TCP_HOST);
    store.add(TLS_HOST);

    store.remove("plain");

    expect(store.has("plain")).toBe(false);
    expect(store.specs(noErrors().onError).map((s) => s.id)).toEqual(["secure"]);
  });

  it("ignores removing a host it does not have", () => {
    store.add(TCP_HOST);

    store.remove("other");

    expect(rows().map((r) => r.id)).toEqual(["plain"]);
  });
});
