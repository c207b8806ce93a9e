import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors";
import { openDatabase, type Db } from "../db/database";
import { TOKEN_PREFIX, TokenStore } from "./tokens";

const T0 = 1_700_000_000_000;

let dir: string;
let db: Db;
let tokens: TokenStore;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-tokens-"));
  db = openDatabase(dir);
  tokens = new TokenStore(db);
});

afterEach(() => {
  vi.useRealTimers();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

const lastUsed = (id: number) =>
  (db.prepare("SELECT last_used_at FROM api_tokens WHERE id = ?").get(id) as { last_used_at: number | null })
    .last_used_at;

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe("TokenStore.create", () => {
  it("returns a wharf_ token and the token's record", () => {
    const { token, record } = tokens.create(
      "ci",
      "operator",
      { hosts: ["edge"], labelSelector: "team=shop" },
      "admin",
    );

    expect(TOKEN_PREFIX).toBe("wharf_");
    expect(token).toMatch(/^wharf_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: record.id,
      name: "ci",
      role: "operator",
      hosts: ["edge"],
      labelSelector: "team=shop",
      createdBy: "admin",
      createdAt: T0,
    });
  });

  it("issues a different token each time, even for the same name", () => {
    const a = tokens.create("ci", "viewer", { hosts: "*" }, "admin");
    const b = tokens.create("ci", "viewer", { hosts: "*" }, "admin");

    expect(a.token).not.toBe(b.token);
    expect(a.record.id).not.toBe(b.record.id);
  });

  it("stores only a sha256 of the token", () => {
    const { token } = tokens.create("ci", "viewer", { hosts: "*" }, "admin");

    const rows = db.prepare("SELECT * FROM api_tokens").all() as Record<string, unknown>[];

    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(TOKEN_PREFIX.length));
  });

  it("never shows the token again", () => {
    const { token, record } = tokens.create("ci", "viewer", { hosts: "*" }, "admin");

    expect(JSON.stringify(tokens.get(record.id))).not.toContain(token);
    expect(JSON.stringify(tokens.list())).not.toContain(token);
  });
});

describe("TokenStore.resolve", () => {
  it("gives the token's principal: its name, role and scope", () => {
    const { token, record } = tokens.create("deploy bot", "operator", { hosts: ["edge", "local"] }, "admin");

    expect(tokens.resolve(token)).toEqual({
      kind: "token",
      id: record.id,
      name: "token:deploy bot",
      role: "operator",
      scope: { hosts: ["edge", "local"] },
    });
  });

  it("carries the label selector in the scope", () => {
    const { token } = tokens.create("ci", "viewer", { hosts: "*", labelSelector: "tier" }, "admin");

    expect(tokens.resolve(token)?.scope).toEqual({ hosts: "*", labelSelector: "tier" });
  });

  it("gives undefined for an unknown token", () => {
    tokens.create("ci", "admin", { hosts: "*" }, "admin");

    expect(tokens.resolve(`wharf_${"A".repeat(43)}`)).toBeUndefined();
    expect(tokens.resolve("wharf_")).toBeUndefined();
    expect(tokens.resolve("")).toBeUndefined();
  });

  it("gives undefined for a token without the wharf_ prefix, even if its hash is stored", () => {
    const { token } = tokens.create("ci", "admin", { hosts: "*" }, "admin");
    const bare = token.slice(TOKEN_PREFIX.length);
    db.prepare("UPDATE api_tokens SET token_hash = ?").run(sha256(bare));

    expect(tokens.resolve(bare)).toBeUndefined();
  });

  it("records when the token was last used, at most once a minute", () => {
    const { token, record } = tokens.create("ci", "viewer", { hosts: "*" }, "admin");
    expect(lastUsed(record.id)).toBeNull();

    tokens.resolve(token);
    expect(lastUsed(record.id)).toBe(T0);

    vi.setSystemTime(T0 + 60_000);
    tokens.resolve(token);
    expect(lastUsed(record.id)).toBe(T0);

    vi.setSystemTime(T0 + 60_001);
    tokens.resolve(token);
    expect(lastUsed(record.id)).toBe(T0 + 60_001);
    expect(tokens.get(record.id).lastUsedAt).toBe(T0 + 60_001);
  });

  it("sees a role change made in the database", () => {
    const { token, record } = tokens.create("ci", "admin", { hosts: "*" }, "admin");
    db.prepare("UPDATE api_tokens SET role = 'viewer' WHERE id = ?").run(record.id);

    expect(tokens.resolve(token)?.role).toBe("viewer");
  });
});

describe("TokenStore.revoke", () => {
  it("deletes the token: it resolves to nothing afterwards", () => {
    const { token, record } = tokens.create("ci", "operator", { hosts: "*" }, "admin");
    const other = tokens.create("other", "viewer", { hosts: "*" }, "admin");

    const revoked = tokens.revoke(record.id);

    expect(revoked).toEqual(record);
    expect(tokens.resolve(token)).toBeUndefined();
    expect(tokens.byId(record.id)).toBeUndefined();
    expect(tokens.resolve(other.token)?.name).toBe("token:other");
  });

  it("throws NOT_FOUND for an unknown token", () => {
    expect(codeOf(() => tokens.revoke(999))).toBe("NOT_FOUND");
  });
});

describe("TokenStore.byId, get and list", () => {
  it("gives the principal of a token that still exists", () => {
    const { token, record } = tokens.create("ci", "operator", { hosts: ["edge"] }, "admin");

    expect(tokens.byId(record.id)).toEqual(tokens.resolve(token));
    expect(tokens.byId(999)).toBeUndefined();
  });

  it("throws NOT_FOUND from get for an unknown id", () => {
    expect(codeOf(() => tokens.get(999))).toBe("NOT_FOUND");
  });

  it("lists tokens newest first", () => {
    tokens.create("first", "viewer", { hosts: "*" }, "admin");
    vi.setSystemTime(T0 + 1000);
    tokens.create("second", "viewer", { hosts: "*" }, "alice");

    expect(tokens.list().map((t) => [t.name, t.createdBy])).toEqual([
      ["second", "alice"],
      ["first", "admin"],
    ]);
  });
});
