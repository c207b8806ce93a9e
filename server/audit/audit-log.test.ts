import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditEntry } from "../../lib/types";
import { openDatabase, type Db } from "../db/database";
import { AuditLog, auditCsv, redact, type AuditInput } from "./audit-log";

const T0 = 1_700_000_000_000;

let dir: string;
let db: Db;
let log: AuditLog;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-audit-"));
  db = openDatabase(dir);
  log = new AuditLog(db);
});

afterEach(() => {
  vi.useRealTimers();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Records an entry `offsetMs` after T0. */
function recordAt(offsetMs: number, e: Partial<AuditInput> & Pick<AuditInput, "action">) {
  vi.setSystemTime(T0 + offsetMs);
  log.record({ user: "admin", result: "ok", ...e });
}

/** Five entries, one a second: two users, two hosts, three kinds of action. */
function seed() {
  recordAt(0, { user: "admin", action: "user.create", target: "ops" });
  recordAt(1000, { user: "ops", action: "container.stop", hostId: "edge", target: "web" });
  recordAt(2000, { user: "ops", action: "container.start", hostId: "local", target: "db" });
  recordAt(3000, { user: "admin", action: "host.add", hostId: "edge" });
  recordAt(4000, {
    user: "token:ci",
    action: "container.remove",
    hostId: "edge",
    target: "old",
    result: "error",
    error: "CONFLICT: container is running",
  });
}

const actions = (entries: AuditEntry[]) => entries.map((e) => e.action);

describe("AuditLog.record and query", () => {
  it("stores every field and reads it back", () => {
    recordAt(500, {
      user: "ops",
      ip: "10.0.0.9",
      hostId: "edge",
      target: "web",
      action: "container.restart",
      params: { timeout: 10 },
      result: "error",
      error: "ENGINE_ERROR: boom",
    });

    expect(log.query()).toEqual([
      {
        id: 1,
        at: T0 + 500,
        user: "ops",
        ip: "10.0.0.9",
        hostId: "edge",
        target: "web",
        action: "container.restart",
        params: { timeout: 10 },
        result: "error",
        error: "ENGINE_ERROR: boom",
      },
    ]);
  });

  it("leaves optional fields out when they were not given", () => {
    recordAt(0, { action: "user.delete" });

    expect(log.query()).toEqual([{ id: 1, at: T0, user: "admin", action: "user.delete", result: "ok" }]);
  });

  it("returns the newest entry first", () => {
    seed();

    expect(actions(log.query())).toEqual([
      "container.remove",
      "host.add",
      "container.start",
      "container.stop",
      "user.create",
    ]);
  });

  it("filters by user", () => {
    seed();

    expect(actions(log.query({ user: "ops" }))).toEqual(["container.start", "container.stop"]);
  });

  it("filters by host", () => {
    seed();

    expect(actions(log.query({ hostId: "edge" }))).toEqual([
      "container.remove",
      "host.add",
      "container.stop",
    ]);
  });

  it("filters by action prefix", () => {
    seed();

    expect(actions(log.query({ action: "container." }))).toEqual([
      "container.remove",
      "container.start",
      "container.stop",
    ]);
    expect(actions(log.query({ action: "host.add" }))).toEqual(["host.add"]);
    expect(log.query({ action: "stop" })).toEqual([]);
  });

  it("treats % in the action filter as text, not as a wildcard", () => {
    seed();

    expect(log.query({ action: "%stop" })).toEqual([]);
  });

  it("filters by time, both ends inclusive", () => {
    seed();

    expect(actions(log.query({ from: T0 + 1000, to: T0 + 3000 }))).toEqual([
      "host.add",
      "container.start",
      "container.stop",
    ]);
    expect(actions(log.query({ from: T0 + 4000 }))).toEqual(["container.remove"]);
    expect(actions(log.query({ to: T0 }))).toEqual(["user.create"]);
  });

  it("combines filters", () => {
    seed();

    expect(actions(log.query({ user: "ops", hostId: "edge", action: "container" }))).toEqual([
      "container.stop",
    ]);
  });

  it("pages with limit and beforeId", () => {
    seed();

    const first = log.query({ limit: 2 });
    const last = first[first.length - 1];
    const second = log.query({ limit: 2, beforeId: last?.id });

    expect(actions(first)).toEqual(["container.remove", "host.add"]);
    expect(actions(second)).toEqual(["container.start", "container.stop"]);
  });

  it("returns at most 200 entries by default", () => {
    for (let i = 0; i < 205; i++) log.record({ user: "admin", action: "user.create", result: "ok" });

    const entries = log.query();

    expect(entries).toHaveLength(200);
    expect(entries[0]?.id).toBe(205);
  });

  it("redacts secrets in params before storing them", () => {
    recordAt(0, { action: "host.add", params: { id: "edge", tls: { key: "-----BEGIN PRIVATE KEY-----" } } });

    const raw = db.prepare("SELECT params FROM audit_log").get() as { params: string };

    expect(raw.params).not.toContain("BEGIN");
    expect(log.query()[0]?.params).toEqual({ id: "edge", tls: { key: "[redacted]" } });
  });

  it("cuts a long error message to 2000 characters", () => {
    recordAt(0, { action: "container.stop", result: "error", error: "e".repeat(5000) });

    expect(log.query()[0]?.error).toHaveLength(2000);
  });

  it("still reads back entries whose params were too long to store whole", () => {
    const results = Array.from({ length: 100 }, (_, i) => ({
      hostId: "edge",
      id: `container-${i}`,
      ok: false,
      error: { code: "ENGINE_ERROR", message: "e".repeat(200) },
    }));
    recordAt(0, { action: "container.bulk.stop", params: { action: "stop", results } });
    recordAt(1000, { action: "container.start" });

    const entries = log.query();
    const stored = (db.prepare("SELECT params FROM audit_log WHERE id = 1").get() as { params: string })
      .params;

    expect(actions(entries)).toEqual(["container.start", "container.bulk.stop"]);
    expect((JSON.parse(stored) as string).length).toBe(8000);
    expect(entries[1]?.params).toEqual(expect.stringContaining('"id":"container-0"'));
  });
});

describe("the audit_log table", () => {
  it("refuses UPDATE", () => {
    recordAt(0, { action: "user.create" });

    expect(() => db.prepare("UPDATE audit_log SET user = 'someone-else'").run()).toThrow(
      "the audit log is append-only",
    );
    expect(log.query()[0]?.user).toBe("admin");
  });

  it("refuses DELETE", () => {
    recordAt(0, { action: "user.create" });

    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow("the audit log is append-only");
    expect(log.query()).toHaveLength(1);
  });

  it("refuses a result other than ok or error", () => {
    expect(() =>
      db.prepare("INSERT INTO audit_log (at, user, action, result) VALUES (0, 'admin', 'x', 'maybe')").run(),
    ).toThrow(/CHECK/);
  });
});

describe("redact", () => {
  it.each([
    "password",
    "currentPassword",
    "newPassword",
    "pass",
    "token",
    "apiToken",
    "key",
    "privateKey",
    "cert",
    "secret",
    "credentials",
    "Authorization",
  ])("replaces a field named %s", (field) => {
    expect(redact({ [field]: "hunter2", name: "ok" })).toEqual({ [field]: "[redacted]", name: "ok" });
  });

  it("replaces secrets at any nesting of objects", () => {
    const params = {
      host: { id: "edge", tls: { ca: "CA", cert: "CERT", key: "KEY" }, ssh: { privateKey: "K" } },
    };

    expect(redact(params)).toEqual({
      host: {
        id: "edge",
        tls: { ca: "CA", cert: "[redacted]", key: "[redacted]" },
        ssh: { privateKey: "[redacted]" },
      },
    });
  });

  it("replaces secrets inside arrays", () => {
    const params = {
      users: [
        { username: "a", password: "p1" },
        { username: "b", password: "p2" },
      ],
    };

    expect(redact(params)).toEqual({
      users: [
        { username: "a", password: "[redacted]" },
        { username: "b", password: "[redacted]" },
      ],
    });
  });

  it("replaces a secret field whole, even when it holds an object", () => {
    expect(redact({ tls: { key: { pem: "KEY" } } })).toEqual({ tls: { key: "[redacted]" } });
  });

  it("leaves plain values and harmless fields alone", () => {
    expect(redact("text")).toBe("text");
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redact({ action: "stop", force: true, ids: ["a", "b"] })).toEqual({
      action: "stop",
      force: true,
      ids: ["a", "b"],
    });
  });

  it("keeps at most 100 items of an array", () => {
    expect(redact(Array.from({ length: 150 }, (_, i) => i))).toHaveLength(100);
  });

  it("does not change its input", () => {
    const params = { password: "hunter2" };

    redact(params);

    expect(params).toEqual({ password: "hunter2" });
  });
});

describe("auditCsv", () => {
  const entry = (e: Partial<AuditEntry>): AuditEntry => ({
    id: 1,
    at: Date.UTC(2024, 0, 2, 3, 4, 5),
    user: "admin",
    action: "user.create",
    result: "ok",
    ...e,
  });

  const lines = (csv: string) => csv.split("\n");

  it("writes a header and one line per entry, ending with a newline", () => {
    const csv = auditCsv([
      entry({ ip: "10.0.0.9", hostId: "edge", target: "web", action: "container.stop" }),
      entry({ result: "error", error: "boom" }),
    ]);

    expect(lines(csv)).toEqual([
      "at,user,ip,hostId,target,action,result,error,params",
      "2024-01-02T03:04:05.000Z,admin,10.0.0.9,edge,web,container.stop,ok,,",
      "2024-01-02T03:04:05.000Z,admin,,,,user.create,error,boom,",
      "",
    ]);
  });

  it("writes only the header for no entries", () => {
    expect(auditCsv([])).toBe("at,user,ip,hostId,target,action,result,error,params\n");
  });

  it("quotes cells with commas, quotes or newlines and doubles the quotes", () => {
    const csv = auditCsv([entry({ target: "a,b", error: 'say "hi"\nagain' })]);

    expect(csv).toContain(',"a,b",');
    expect(csv).toContain(',"say ""hi""\nagain",');
  });

  it("writes params as quoted JSON", () => {
    const csv = auditCsv([entry({ params: { force: true, ids: ["a", "b"] } })]);

    expect(lines(csv)[1]?.endsWith(',"{""force"":true,""ids"":[""a"",""b""]}"')).toBe(true);
  });

  it.each(["=SUM(A1:A2)", "+1", "-1", "@cmd", "\tx"])("guards the formula-like cell %j with a '", (value) => {
    const csv = auditCsv([entry({ target: value })]);

    expect(lines(csv)[1]?.split(",")[4]).toBe(`'${value}`);
  });

  it("guards a formula and then quotes it when it holds a quote", () => {
    const csv = auditCsv([entry({ user: '=HYPERLINK("http://x")' })]);

    expect(lines(csv)[1]?.split(",")[1]).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it("does not guard a cell that only contains those characters later", () => {
    const csv = auditCsv([entry({ target: "a=b-c+d@e" })]);

    expect(lines(csv)[1]?.split(",")[4]).toBe("a=b-c+d@e");
  });
});
