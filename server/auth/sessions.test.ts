import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser, UserRecord } from "../../lib/types";
import { openDatabase, type Db } from "../db/database";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SessionStore } from "./sessions";
import { UserStore } from "./users";

const HOUR = 60 * 60 * 1000;
const T0 = 1_700_000_000_000;

let dir: string;
let db: Db;
let users: UserStore;
let now: number;
let sessions: SessionStore;
let alice: SessionUser;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-sessions-"));
  db = openDatabase(dir);
  users = new UserStore(db);
  now = T0;
  sessions = new SessionStore(db, users, () => now);
  alice = sessionUser(await users.create("alice", "alice-password", "operator"));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What a session carries: the user record without its bookkeeping fields. */
function sessionUser(record: UserRecord): SessionUser {
  const { disabled: _disabled, createdAt: _createdAt, ...user } = record;
  return user;
}

const lastSeen = (id: string) =>
  (db.prepare("SELECT last_seen_at FROM sessions WHERE id = ?").get(id) as { last_seen_at: number })
    .last_seen_at;

describe("SessionStore", () => {
  it("creates a session that its token resolves to", () => {
    const { token, session } = sessions.create(alice);

    const resolved = sessions.resolve(token);

    expect(session).toEqual({ id: session.id, user: alice, expiresAt: T0 + ABSOLUTE_TIMEOUT_MS });
    expect(resolved).toEqual({ id: session.id, user: alice, expiresAt: T0 + ABSOLUTE_TIMEOUT_MS });
  });

  it("issues a different url-safe token each time", () => {
    const a = sessions.create(alice).token;
    const b = sessions.create(alice).token;

    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("stores only a hash of the token", () => {
    const { token, session } = sessions.create(alice, { ip: "10.0.0.9", userAgent: "curl/8" });

    const rows = db.prepare("SELECT * FROM sessions").all() as Record<string, unknown>[];

    expect(session.id).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: session.id, ip: "10.0.0.9", user_agent: "curl/8" });
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("truncates a long user agent", () => {
    const { session } = sessions.create(alice, { userAgent: "x".repeat(500) });

    const row = db.prepare("SELECT user_agent FROM sessions WHERE id = ?").get(session.id) as {
      user_agent: string;
    };

    expect(row.user_agent).toHaveLength(200);
  });

  it("resolves nothing for a missing or unknown token", () => {
    sessions.create(alice);

    expect(sessions.resolve(undefined)).toBeUndefined();
    expect(sessions.resolve("")).toBeUndefined();
    expect(sessions.resolve("not-a-token")).toBeUndefined();
  });

  it("ends a session that was idle for the idle timeout and emits revoked", () => {
    const { token, session } = sessions.create(alice);
    const revoked: string[] = [];
    sessions.on("revoked", (id) => revoked.push(id));
    now = T0 + IDLE_TIMEOUT_MS - 1;
    expect(sessions.isActive(session.id)).toBe(true);

    now = T0 + IDLE_TIMEOUT_MS;

    expect(sessions.isActive(session.id)).toBe(false);
    expect(sessions.resolve(token)).toBeUndefined();
    expect(revoked).toEqual([session.id]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions").get()).toEqual({ n: 0 });
  });

  it("keeps a used session alive past the idle timeout", () => {
    const { token } = sessions.create(alice);
    now = T0 + IDLE_TIMEOUT_MS - HOUR;
    expect(sessions.resolve(token)).toBeDefined();

    now = T0 + IDLE_TIMEOUT_MS + HOUR;

    expect(sessions.resolve(token)?.user).toEqual(alice);
  });

  it("writes last_seen_at at most once a minute", () => {
    const { token, session } = sessions.create(alice);

    now = T0 + 59_999;
    sessions.resolve(token);
    expect(lastSeen(session.id)).toBe(T0);
    now = T0 + 60_000;
    sessions.resolve(token);

    expect(lastSeen(session.id)).toBe(T0 + 60_000);
  });

  it("ends a session at the absolute timeout even when it is in use", () => {
    const { token, session } = sessions.create(alice);
    for (now = T0 + HOUR; now < T0 + ABSOLUTE_TIMEOUT_MS; now += 6 * HOUR) {
      expect(sessions.resolve(token), `at +${(now - T0) / HOUR}h`).toBeDefined();
    }

    now = T0 + ABSOLUTE_TIMEOUT_MS;

    expect(sessions.isActive(session.id)).toBe(false);
    expect(sessions.resolve(token)).toBeUndefined();
  });

  it("revokes a session: emits revoked and resolves nothing afterwards", () => {
    const { token, session } = sessions.create(alice);
    const other = sessions.create(alice);
    const revoked: string[] = [];
    sessions.on("revoked", (id) => revoked.push(id));

    const removed = sessions.revoke(session.id);

    expect(removed).toBe(true);
    expect(revoked).toEqual([session.id]);
    expect(sessions.resolve(token)).toBeUndefined();
    expect(sessions.isActive(session.id)).toBe(false);
    expect(sessions.resolve(other.token)?.id).toBe(other.session.id);
  });

  it("resolves nothing while the user is disabled", () => {
    const { token } = sessions.create(alice);
    db.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(alice.id);

    expect(sessions.resolve(token)).toBeUndefined();
  });

  it("resolves nothing once the user is deleted", () => {
    const { token } = sessions.create(alice);
    db.prepare("DELETE FROM users WHERE id = ?").run(alice.id);

    expect(sessions.resolve(token)).toBeUndefined();
  });

  it("reports the current role of the user", () => {
    const { token } = sessions.create(alice);
    db.prepare("UPDATE users SET role = 'viewer' WHERE id = ?").run(alice.id);

    expect(sessions.resolve(token)?.user.role).toBe("viewer");
  });

  it("resolves the user with its host scope and label selector", async () => {
    const scoped = await users.create("bob", "bob-password", "viewer", {
      hosts: ["edge"],
      labelSelector: "team=shop",
    });
    const { token } = sessions.create(sessionUser(scoped));

    expect(sessions.resolve(token)?.user).toEqual({
      id: scoped.id,
      username: "bob",
      role: "viewer",
      hosts: ["edge"],
      labelSelector: "team=shop",
    });
  });

  it("reports the current scope of the user", () => {
    const { token } = sessions.create(alice);
    db.prepare(`UPDATE users SET hosts = '["local"]', label_selector = 'tier' WHERE id = ?`).run(alice.id);

    expect(sessions.resolve(token)?.user).toMatchObject({ hosts: ["local"], labelSelector: "tier" });
  });

  it("answers false when revoking a session that does not exist", () => {
    expect(sessions.revoke("no-such-session")).toBe(false);
  });

  it("lists the session ids of one user only", async () => {
    const bob = sessionUser(await users.create("bob", "bob-password", "viewer"));
    const a1 = sessions.create(alice).session.id;
    const a2 = sessions.create(alice).session.id;
    sessions.create(bob);

    expect(sessions.idsForUser(alice.id).sort()).toEqual([a1, a2].sort());
    expect(sessions.idsForUser(999)).toEqual([]);
  });

  it("revokes every session of a user but the one to keep", async () => {
    const bob = sessionUser(await users.create("bob", "bob-password", "viewer"));
    const keep = sessions.create(alice);
    const drop1 = sessions.create(alice);
    const drop2 = sessions.create(alice);
    const bobs = sessions.create(bob);
    const revoked: string[] = [];
    sessions.on("revoked", (id) => revoked.push(id));

    const count = sessions.revokeForUser(alice.id, keep.session.id);

    expect(count).toBe(2);
    expect(revoked.sort()).toEqual([drop1.session.id, drop2.session.id].sort());
    expect(sessions.resolve(keep.token)).toBeDefined();
    expect(sessions.resolve(drop1.token)).toBeUndefined();
    expect(sessions.resolve(bobs.token)).toBeDefined();
  });

  it("revokes every session of a user when none is kept", () => {
    sessions.create(alice);
    sessions.create(alice);

    expect(sessions.revokeForUser(alice.id)).toBe(2);
    expect(sessions.idsForUser(alice.id)).toEqual([]);
  });

  it("lists live sessions, most recently seen first, with their username and client", async () => {
    const bob = sessionUser(await users.create("bob", "bob-password", "viewer"));
    const first = sessions.create(alice, { ip: "10.0.0.1", userAgent: "curl/8" });
    now = T0 + HOUR;
    const second = sessions.create(bob);

    expect(sessions.list()).toEqual([
      {
        id: second.session.id,
        userId: bob.id,
        username: "bob",
        createdAt: T0 + HOUR,
        lastSeenAt: T0 + HOUR,
        expiresAt: T0 + HOUR + ABSOLUTE_TIMEOUT_MS,
      },
      {
        id: first.session.id,
        userId: alice.id,
        username: "alice",
        createdAt: T0,
        lastSeenAt: T0,
        expiresAt: T0 + ABSOLUTE_TIMEOUT_MS,
        ip: "10.0.0.1",
        userAgent: "curl/8",
      },
    ]);
  });

  it("leaves idle and expired sessions out of the list", () => {
    const idle = sessions.create(alice);
    now = T0 + IDLE_TIMEOUT_MS;
    const fresh = sessions.create(alice);

    expect(sessions.list().map((s) => s.id)).toEqual([fresh.session.id]);
    expect(sessions.idsForUser(alice.id)).toContain(idle.session.id);
  });
});
