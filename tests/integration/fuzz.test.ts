import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  hostCreateSchema,
  loginSchema,
  passwordChangeSchema,
  tokenCreateSchema,
  userCreateSchema,
  userUpdateSchema,
} from "../../lib/schemas";
import { login, startServer, type Client, type TestServer } from "./harness";

let srv: TestServer;
let admin: Client;
let userId: number;

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  const u = await admin.send<{ id: number }>("POST", "/api/v1/users", {
    username: "fuzz-target",
    password: "fuzz-target-pw",
    role: "viewer",
  });
  userId = u.body.id;
});

afterAll(async () => {
  await srv?.stop();
});

const KEYS = [
  "username",
  "password",
  "role",
  "hosts",
  "labelSelector",
  "disabled",
  "id",
  "name",
  "url",
  "tls",
  "ssh",
  "currentPassword",
  "newPassword",
  "__proto__",
  "constructor",
];
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "*",
    "admin",
    "../../etc/passwd",
    "unix:///",
    "tcp://",
    "https://[::1",
    "ssh://@:0",
    "a=b=c",
    "\u0000",
    "-----BEGIN x",
  ),
  fc.constant("x".repeat(70_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const payload = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), nasty, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 4 }),
);

interface Target {
  method: string;
  path: () => string;
  schema: z.ZodTypeAny;
}
const TARGETS: Target[] = [
  { method: "POST", path: () => "/api/v1/auth/login", schema: loginSchema },
  { method: "POST", path: () => "/api/v1/auth/password", schema: passwordChangeSchema },
  { method: "POST", path: () => "/api/v1/users", schema: userCreateSchema },
  { method: "PATCH", path: () => `/api/v1/users/${userId}`, schema: userUpdateSchema },
  { method: "POST", path: () => "/api/v1/hosts", schema: hostCreateSchema },
  { method: "POST", path: () => "/api/v1/tokens", schema: tokenCreateSchema },
];

describe("malformed payloads on the auth, user and host routes", () => {
  it("never answer 5xx, always name a field, and leave the server up", async () => {
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const t of TARGETS) {
      await fc.assert(
        fc.asyncProperty(payload, fc.boolean(), async (body, raw) => {
          // Only malformed input: a valid host would make the server dial somewhere.
          fc.pre(!t.schema.safeParse(body).success);
          const text = raw ? JSON.stringify(body).slice(0, -1) : JSON.stringify(body);
          const r = await fetch(srv.base + t.path(), {
            method: t.method,
            headers: { cookie: admin.cookie, "x-wharf-csrf": "1", "content-type": "application/json" },
            body: text,
          });
          sent++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          const json = (await r.json()) as { error?: { code: string; message: string } };
          expect(r.status, `${t.method} ${t.path()} ${text.slice(0, 200)}`).toBeLessThan(500);
          expect(r.status).toBeGreaterThanOrEqual(400);
          expect(json.error?.message).toBeTruthy();
        }),
        { numRuns: 200, seed: 20261123 },
      );
    }
    // Malformed ids and query strings too.
    for (const id of ["0", "-1", "1e99", "abc", "%00", "..", "9".repeat(400)]) {
      for (const p of [
        `/api/v1/users/${id}`,
        `/api/v1/hosts/${id}`,
        `/api/v1/tokens/${id}`,
        `/api/v1/sessions/${id}`,
      ]) {
        const r = await admin.send("DELETE", p);
        sent++;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect(r.status, `DELETE ${p}`).toBeLessThan(500);
      }
    }
    console.info(
      `fuzz: ${sent} malformed requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect((await fetch(`${srv.base}/api/v1/health`)).status).toBe(200);
    expect((await admin.get("/api/v1/users")).status).toBe(200);
  });
});
