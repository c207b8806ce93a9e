import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser, UserRecord } from "../../lib/types";
import { openDatabase, type Db } from "../db/database";
import { authenticate, bearerToken, principalOf } from "./authenticate";
import { SESSION_COOKIE, SessionStore } from "./sessions";
import { TokenStore } from "./tokens";
import { UserStore } from "./users";

let dir: string;
let db: Db;
let sessions: SessionStore;
let tokens: TokenStore;
let alice: SessionUser;
let cookieToken: string;
let apiToken: string;

function sessionUser(record: UserRecord): SessionUser {
  const { disabled: _disabled, createdAt: _createdAt, ...user } = record;
  return user;
}

function request(headers: Record<string, string> = {}): IncomingMessage {
  return { method: "GET", headers, socket: {} } as unknown as IncomingMessage;
}

const cookie = (token: string) => ({ cookie: `${SESSION_COOKIE}=${token}` });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-authn-"));
  db = openDatabase(dir);
  const users = new UserStore(db);
  sessions = new SessionStore(db, users);
  tokens = new TokenStore(db);
  alice = sessionUser(
    await users.create("alice", "alice-password", "operator", {
      hosts: ["edge"],
      labelSelector: "team=shop",
    }),
  );
  cookieToken = sessions.create(alice).token;
  apiToken = tokens.create("ci", "viewer", { hosts: "*" }, "admin").token;
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stores = () => ({ sessions, tokens });

describe("authenticate", () => {
  it("yields the user's principal and session for a session cookie", () => {
    const result = authenticate(request(cookie(cookieToken)), stores());

    expect(result?.viaCookie).toBe(true);
    expect(result?.session?.user).toEqual(alice);
    expect(result?.principal).toEqual({
      kind: "user",
      id: alice.id,
      name: "alice",
      role: "operator",
      scope: { hosts: ["edge"], labelSelector: "team=shop" },
      sessionId: result?.session?.id,
    });
  });

  it("yields the token's principal for a bearer token, not via a cookie and without a session", () => {
    const result = authenticate(request({ authorization: `Bearer ${apiToken}` }), stores());

    expect(result).toEqual({
      principal: {
        kind: "token",
        id: expect.any(Number),
        name: "token:ci",
        role: "viewer",
        scope: { hosts: "*" },
      },
      viaCookie: false,
    });
  });

  it("prefers the bearer token when a cookie is sent too", () => {
    const result = authenticate(
      request({ authorization: `Bearer ${apiToken}`, ...cookie(cookieToken) }),
      stores(),
    );

    expect(result?.principal.name).toBe("token:ci");
    expect(result?.viaCookie).toBe(false);
    expect(result?.session).toBeUndefined();
  });

  it.each([
    ["an unknown bearer token", "Bearer wharf_unknown"],
    ["a bearer token without the prefix", "Bearer not-a-wharf-token"],
    ["an empty bearer header", "Bearer"],
    ["another auth scheme", "Basic YWxpY2U6cGFzcw=="],
  ])("does not fall back to a valid cookie for %s", (_label, authorization) => {
    const result = authenticate(request({ authorization, ...cookie(cookieToken) }), stores());

    expect(result).toBeUndefined();
  });

  it("yields nothing without a cookie or a token", () => {
    expect(authenticate(request(), stores())).toBeUndefined();
  });

  it("yields nothing for an unknown cookie", () => {
    expect(authenticate(request(cookie("forged")), stores())).toBeUndefined();
  });

  it("uses the bearer it is given instead of reading the header", () => {
    const result = authenticate(request(cookie(cookieToken)), stores(), apiToken);

    expect(result?.principal.name).toBe("token:ci");
  });

  it("leaves the label selector out of the scope of a user without one", async () => {
    const bob = sessionUser(await new UserStore(db).create("bob", "bob-password", "viewer"));
    const { token } = sessions.create(bob);

    expect(authenticate(request(cookie(token)), stores())?.principal.scope).toEqual({ hosts: "*" });
  });
});

describe("principalOf", () => {
  it("maps a session to a user principal", () => {
    const session = { id: "s1", user: alice, expiresAt: 0 };

    expect(principalOf(session)).toEqual({
      kind: "user",
      id: alice.id,
      name: "alice",
      role: "operator",
      scope: { hosts: ["edge"], labelSelector: "team=shop" },
      sessionId: "s1",
    });
  });
});

describe("bearerToken", () => {
  it.each([
    ["Bearer abc.DEF_123-", "abc.DEF_123-"],
    ["bearer abc", "abc"],
    ["BEARER   abc", "abc"],
  ])("reads %j as %j", (authorization, token) => {
    expect(bearerToken(request({ authorization }))).toBe(token);
  });

  it("is undefined without an Authorization header", () => {
    expect(bearerToken(request())).toBeUndefined();
  });

  it.each(["Bearer", "Bearer ", "Bearer a b", "Basic abc", "abc", "Token abc"])(
    "is empty, not undefined, for the malformed header %j",
    (authorization) => {
      expect(bearerToken(request({ authorization }))).toBe("");
    },
  );
});
