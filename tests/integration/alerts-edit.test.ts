import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Rule, TargetConfig, TargetEdit, TargetView } from "../../lib/alerts";
import type { AuditEntry } from "../../lib/types";
import { httpReceiver } from "./fixtures/receivers";
import { RUN_ID, login, startServer, userClient, waitFor, type Client, type TestServer } from "./harness";

let srv: TestServer;
let admin: Client;
let hook: Awaited<ReturnType<typeof httpReceiver>>;
const P = `${RUN_ID}-ae`;

interface ErrorReply {
  error: { code: string; message: string; details?: { issues?: { field: string; message: string }[] } };
}

async function create<T>(path: string, body: unknown): Promise<T> {
  const r = await admin.send<T>("POST", path, body);
  if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const stored = (id: number) => srv.wharf.ctx.alerts.store.targetConfig(id)?.config;
const audit = async (action: string) =>
  (await admin.get<{ items: AuditEntry[] }>(`/api/v1/audit?action=${action}`)).body.items;

beforeAll(async () => {
  srv = await startServer({ metricsIntervalMs: 0 });
  admin = await login(srv.base);
  hook = await httpReceiver();
}, 60_000);

afterAll(async () => {
  await hook?.close();
  await srv?.stop();
});

describe("editing a rule", () => {
  const input = {
    name: `${P} cpu`,
    kind: "cpu",
    enabled: true,
    scope: { labelSelector: "team=a" },
    params: { percent: 80, seconds: 60 },
    targets: [],
    cooldownSeconds: 300,
  };

  it("replaces it whole, and is audited", async () => {
    const r = await create<Rule>("/api/v1/alerts/rules", input);
    const put = await admin.send<Rule>("PUT", `/api/v1/alerts/rules/${r.id}`, {
      ...input,
      enabled: false,
      params: { percent: 95, seconds: 30 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: r.id, enabled: false, params: { percent: 95, seconds: 30 } });
    const listed = await admin.get<{ items: Rule[] }>("/api/v1/alerts/rules");
    expect(listed.body.items.find((x) => x.id === r.id)?.params).toEqual({ percent: 95, seconds: 30 });
    expect((await audit("alerts.rule.update"))[0]).toMatchObject({
      user: "admin",
      target: input.name,
      result: "ok",
    });
  });

  it("names the field and the reason of a bad one, and changes nothing", async () => {
    const r = await create<Rule>("/api/v1/alerts/rules", { ...input, name: `${P} cpu2` });
    const bad = await admin.send<ErrorReply>("PUT", `/api/v1/alerts/rules/${r.id}`, {
      ...input,
      name: "renamed",
      params: { percent: 120, seconds: 30 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("params.percent: must be at most 100");
    expect(bad.body.error.details?.issues?.[0]).toEqual({
      field: "params.percent",
      message: "must be at most 100",
    });
    const gone = await admin.send<ErrorReply>("PUT", `/api/v1/alerts/rules/${r.id}`, {
      ...input,
      name: "renamed",
      targets: [424242],
    });
    expect(gone.body.error.details?.issues?.[0]?.field).toBe("targets");
    const listed = await admin.get<{ items: Rule[] }>("/api/v1/alerts/rules");
    expect(listed.body.items.find((x) => x.id === r.id)).toMatchObject({
      name: `${P} cpu2`,
      params: input.params,
    });
    expect((await admin.send("PUT", "/api/v1/alerts/rules/999999", input)).status).toBe(404);
  });
});

describe("editing a target", () => {
  it("keeps the stored URL and signing secret it leaves out, and never sends them back", async () => {
    const secret = "SEC-keep-me";
    const url = hook.url("/ding?access_token=tok-keep-me");
    const t = await create<TargetView>("/api/v1/alerts/targets", {
      name: `${P} ding`,
      config: { kind: "dingtalk", url, secret },
    });
    const shown = await admin.get<TargetEdit>(`/api/v1/alerts/targets/${t.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      id: t.id,
      name: `${P} ding`,
      config: { kind: "dingtalk" },
      stored: ["url", "secret"],
    });
    expect(JSON.stringify(shown.body)).not.toMatch(/keep-me/);

    const put = await admin.send<TargetView>("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} ding renamed`,
      config: { kind: "dingtalk", url: "" },
    });
    expect(put.status).toBe(200);
    expect(put.body.name).toBe(`${P} ding renamed`);
    expect(JSON.stringify(put.body)).not.toMatch(/keep-me/);
    expect(stored(t.id)).toEqual({ kind: "dingtalk", url, secret });

    // The test notice goes to the stored URL, signed with the stored secret.
    expect((await admin.send("POST", `/api/v1/alerts/targets/${t.id}/test`, {})).status).toBe(202);
    const got = await waitFor(() => hook.at("/ding")[0], 15_000, "the test at the kept URL");
    const q = new URL(`http://x${got.path}`).searchParams;
    expect(q.get("access_token")).toBe("tok-keep-me");
    const ts = q.get("timestamp") ?? "";
    expect(q.get("sign")).toBe(
      crypto.createHmac("sha256", secret).update(`${ts}\n${secret}`).digest("base64"),
    );

    // null removes an optional secret; the URL stays.
    await admin.send("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} ding renamed`,
      config: { kind: "dingtalk", secret: null },
    });
    expect(stored(t.id)).toEqual({ kind: "dingtalk", url });

    const [entry] = await audit("alerts.target.update");
    expect(entry).toMatchObject({ user: "admin", target: `${P} ding renamed`, result: "ok" });
    expect(JSON.stringify(entry)).not.toMatch(/keep-me/);
  });

  it("keeps an SMTP password left out, and takes a new one", async () => {
    const config = {
      kind: "email",
      host: "smtp.example.test",
      port: 587,
      secure: false,
      user: "ops",
      password: "pw-keep-me",
      from: "wharf@example.test",
      to: ["ops@example.test"],
    } satisfies TargetConfig;
    const t = await create<TargetView>("/api/v1/alerts/targets", { name: `${P} mail`, config });
    const shown = await admin.get<TargetEdit>(`/api/v1/alerts/targets/${t.id}`);
    expect(shown.body.stored).toEqual(["password"]);
    expect(shown.body.config).toMatchObject({ host: "smtp.example.test", user: "ops" });
    expect(JSON.stringify(shown.body)).not.toContain("pw-keep-me");
    const { password: _, ...rest } = config;
    await admin.send("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} mail`,
      config: { ...rest, to: ["a@example.test", "b@example.test"] },
    });
    expect(stored(t.id)).toEqual({ ...config, to: ["a@example.test", "b@example.test"] });
    await admin.send("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} mail`,
      config: { ...rest, password: "pw-new" },
    });
    expect(stored(t.id)).toEqual({ ...config, password: "pw-new" });
  });

  it("names the field and the reason of a bad one, changes nothing, and audits it without the URL", async () => {
    const url = hook.url("/slack/T000/B000/xyz-keep-me");
    const t = await create<TargetView>("/api/v1/alerts/targets", {
      name: `${P} slack`,
      config: { kind: "slack", url },
    });
    const bad = await admin.send<ErrorReply>("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: "",
      config: { kind: "slack", url: "https://hooks.example/new-keep-me" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("name: must not be empty");
    expect(bad.body.error.details?.issues?.[0]?.field).toBe("name");
    // Another kind takes none of the stored secrets: its URL is asked for.
    const other = await admin.send<ErrorReply>("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} slack`,
      config: { kind: "discord" },
    });
    expect(other.status).toBe(400);
    expect(other.body.error.details?.issues?.[0]?.field).toBe("config.url");
    const badUrl = await admin.send<ErrorReply>("PUT", `/api/v1/alerts/targets/${t.id}`, {
      name: `${P} slack`,
      config: { kind: "slack", url: "ftp://x" },
    });
    expect(badUrl.body.error.message).toBe("config.url: must be an http or https URL");
    expect(stored(t.id)).toEqual({ kind: "slack", url });
    expect((await admin.get<TargetEdit>(`/api/v1/alerts/targets/${t.id}`)).body.name).toBe(`${P} slack`);
    const failed = (await audit("alerts.target.update")).filter((e) => e.result === "error");
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(failed)).not.toMatch(/keep-me/);
    expect(
      (await admin.send("PUT", "/api/v1/alerts/targets/999999", { name: "x", config: { kind: "slack" } }))
        .status,
    ).toBe(404);
  });
});

describe("who may edit", () => {
  it("is an unscoped admin only: viewers, operators and a scoped admin are refused, and nothing changes", async () => {
    const r = await create<Rule>("/api/v1/alerts/rules", { name: `${P} oom`, kind: "oom" });
    const t = await create<TargetView>("/api/v1/alerts/targets", {
      name: `${P} hook`,
      config: { kind: "webhook", url: hook.url("/who") },
    });
    const name = (s: string) => `${P}-${s}`.replace(/[^a-z0-9_-]/gi, "");
    const users = [
      await userClient(srv.base, admin, { username: name("v"), role: "viewer" }),
      await userClient(srv.base, admin, { username: name("o"), role: "operator" }),
      await userClient(srv.base, admin, { username: name("sa"), role: "admin", hosts: ["edge"] }),
    ];
    for (const u of users) {
      const rule = await u.send("PUT", `/api/v1/alerts/rules/${r.id}`, { name: "taken", kind: "oom" });
      expect(rule.status).toBe(403);
      const target = await u.send("PUT", `/api/v1/alerts/targets/${t.id}`, {
        name: "taken",
        config: { kind: "webhook", url: "https://evil.example/" },
      });
      expect(target.status).toBe(403);
    }
    // Reading a target's form is for admins; a scoped admin may look, as it may list them.
    expect((await users[0]?.get(`/api/v1/alerts/targets/${t.id}`))?.status).toBe(403);
    expect((await users[1]?.get(`/api/v1/alerts/targets/${t.id}`))?.status).toBe(403);
    const rules = await admin.get<{ items: Rule[] }>("/api/v1/alerts/rules");
    expect(rules.body.items.find((x) => x.id === r.id)?.name).toBe(`${P} oom`);
    expect(stored(t.id)).toEqual({ kind: "webhook", url: hook.url("/who") });
  });
});
