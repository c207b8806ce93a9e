import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertView, Rule, TargetView } from "../../lib/alerts";
import { httpReceiver, smtpReceiver } from "./fixtures/receivers";
import {
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
let hook: Awaited<ReturnType<typeof httpReceiver>>;
const P = `${RUN_ID}-al`;
const PROJECT = `${P}-shop`.toLowerCase();

interface Payload {
  event: string;
  title: string;
  link: string;
  alert: AlertView;
}

async function target(name: string, config: Record<string, unknown>): Promise<TargetView> {
  const r = await admin.send<TargetView>("POST", "/api/v1/alerts/targets", { name: `${P}-${name}`, config });
  if (r.status !== 201) throw new Error(`target ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function rule(body: Record<string, unknown>): Promise<Rule> {
  const r = await admin.send<Rule>("POST", "/api/v1/alerts/rules", body);
  if (r.status !== 201) throw new Error(`rule: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Webhook deliveries to one receiver path, as the receiver parsed them. */
const hooks = (path: string) => hook.at(path).map((r) => ({ ...(JSON.parse(r.body) as Payload), at: r.at }));

const run = (engine: "local" | "edge", name: string, args: string[]) =>
  docker(engine, "run", "-d", "--network", "none", "--name", name, ...args);

beforeAll(async () => {
  // Sampled every 2 s, so a 20 s threshold is measured over ten readings.
  srv = await startServer({ metricsIntervalMs: 2000 });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  hook = await httpReceiver();
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  await hook?.close();
  await srv?.stop();
});

describe("alerts against real engines", () => {
  it("tells a webhook of an OOM kill within 10 s, with host, container, stack, service, exit code and a link", async () => {
    const t = await target("oom", { kind: "webhook", url: hook.url("/oom") });
    await rule({
      name: `${P} oom`,
      kind: "oom",
      scope: { hosts: ["local"], stack: PROJECT },
      targets: [t.id],
    });
    const name = `${P}-hog`;
    // A shell that doubles a string until the 6 MB limit has the kernel kill it.
    const id = await run("local", name, [
      ...["--memory", "6m", "--memory-swap", "6m"],
      ...["--label", `com.docker.compose.project=${PROJECT}`, "--label", "com.docker.compose.service=worker"],
      ...["--entrypoint", "/bin/sh", "local/idle:1", "-c", "x=a; while :; do x=$x$x; done"],
    ]);
    const [p] = await waitFor(
      () => (hooks("/oom").length ? hooks("/oom") : undefined),
      30_000,
      "the OOM webhook",
    );
    const state = JSON.parse(await docker("local", "inspect", "-f", "{{json .State}}", id)) as {
      OOMKilled: boolean;
      ExitCode: number;
      FinishedAt: string;
    };
    expect(state.OOMKilled).toBe(true);
    const latency = (p?.at ?? 0) - Date.parse(state.FinishedAt);
    console.info(`alert latency: the kernel's OOM kill to the webhook in ${latency} ms`);
    expect(latency).toBeLessThan(10_000);
    expect(p?.event).toBe("firing");
    expect(p?.alert).toMatchObject({
      kind: "oom",
      state: "firing",
      hostId: "local",
      containerId: id,
      containerName: name,
      project: PROJECT,
      service: "worker",
      details: { exitCode: state.ExitCode },
    });
    expect(p?.link).toBe(`${srv.base.replace("127.0.0.1", "localhost")}/hosts/local/containers/${id}`);
  });

  it("fires one grouped alert for a restart loop, not one per restart, and resolves it once fixed", async () => {
    const t = await target("loop", { kind: "webhook", url: hook.url("/loop") });
    const loop = await rule({
      name: `${P} loop`,
      kind: "restart-loop",
      scope: { hosts: ["edge"], labelSelector: `loop=${P}` },
      params: { restarts: 3, minutes: 1 },
      targets: [t.id],
    });
    await rule({ name: `${P} exit`, kind: "exit", scope: { labelSelector: `loop=${P}` }, targets: [t.id] });
    const name = `${P}-crash`;
    await run("edge", name, [
      "--restart",
      "always",
      "--label",
      `loop=${P}`,
      "--entrypoint",
      "/bin/sh",
      "local/idle:1",
      "-c",
      "exit 3",
    ]);
    const firing = await waitFor(
      () => {
        const h = hooks("/loop").filter((x) => x.alert.kind === "restart-loop");
        return h.length ? h : undefined;
      },
      30_000,
      "the restart-loop alert",
    );
    // Let it go on restarting a while: still one alert of each kind, counting the restarts.
    await waitFor(
      async () => {
        const r = await admin.get<{ items: AlertView[] }>("/api/v1/alerts?state=firing");
        const a = r.body.items.find((x) => x.ruleId === loop.id);
        return a && a.count >= 3 ? a : undefined;
      },
      30_000,
      "more restarts counted into the open alert",
    );
    const sent = hooks("/loop");
    expect(sent.filter((x) => x.alert.kind === "restart-loop" && x.event === "firing")).toHaveLength(1);
    expect(sent.filter((x) => x.alert.kind === "exit" && x.event === "firing")).toHaveLength(1);
    expect(firing[0]?.alert.details.exitCode).toBe(3);
    // Fixed: no more restarts. Quiet for the rule's minute, the alert resolves.
    await docker("edge", "update", "--restart", "no", name);
    await docker("edge", "stop", "-t", "1", name).catch(() => "");
    const resolved = await waitFor(
      () => hooks("/loop").find((x) => x.alert.kind === "restart-loop" && x.event === "resolved"),
      100_000,
      "the restart loop resolved",
    );
    expect(resolved.alert.resolvedAt).toBeGreaterThan(resolved.alert.startedAt);
  }, 150_000);

  it("fires a CPU threshold held for 20 s under --cpus 0.5, and not for a short burst", async () => {
    const t = await target("cpu", { kind: "webhook", url: hook.url("/cpu") });
    await rule({
      name: `${P} cpu`,
      kind: "cpu",
      scope: { labelSelector: `cpu=${P}` },
      params: { percent: 80, seconds: 20 },
      targets: [t.id],
    });
    const burn = ["--cpus", "0.5", "--label", `cpu=${P}`, "--entrypoint", "/bin/sh", "local/idle:1", "-c"];
    await run("local", `${P}-burner`, [...burn, "while :; do :; done"]);
    await run("local", `${P}-burst`, [
      ...burn,
      "end=$(($(date +%s)+5)); while [ $(date +%s) -lt $end ]; do :; done; sleep 3600",
    ]);
    const [p] = await waitFor(
      () => (hooks("/cpu").length ? hooks("/cpu") : undefined),
      60_000,
      "the CPU alert",
    );
    expect(p?.alert.containerName).toBe(`${P}-burner`);
    expect(Number(p?.alert.details.percent)).toBeGreaterThan(80);
    // The burst has long ended: it never fired.
    await new Promise((r) => setTimeout(r, 5000));
    expect(hooks("/cpu").map((x) => x.alert.containerName)).toEqual([`${P}-burner`]);
  }, 90_000);
});

describe("delivery to every kind of target", () => {
  it("sends a test to each, in each one's documented format", async () => {
    const mail = await smtpReceiver();
    try {
      const secret = "SEC0123456789";
      const kinds = {
        webhook: { kind: "webhook", url: hook.url("/t/webhook") },
        template: {
          kind: "webhook",
          url: hook.url("/t/template"),
          template: '{"msg":"{{title}}","host":"{{host}}"}',
        },
        slack: { kind: "slack", url: hook.url("/t/slack") },
        discord: { kind: "discord", url: hook.url("/t/discord") },
        ntfy: { kind: "ntfy", url: hook.url("/t/ntfy"), token: "tk_1" },
        dingtalk: { kind: "dingtalk", url: hook.url("/t/dingtalk?access_token=abc"), secret },
        wecom: { kind: "wecom", url: hook.url("/t/wecom?key=abc") },
        feishu: { kind: "feishu", url: hook.url("/t/feishu"), secret },
        email: {
          kind: "email",
          host: "127.0.0.1",
          port: mail.port,
          from: "wharf@example.test",
          to: ["ops@example.test"],
        },
      };
      for (const [name, config] of Object.entries(kinds)) {
        const t = await target(name, config);
        expect((await admin.send("POST", `/api/v1/alerts/targets/${t.id}/test`, {})).status).toBe(202);
      }
      await waitFor(
        () =>
          (Object.keys(kinds)
            .filter((k) => k !== "email")
            .every((k) => hook.at(`/t/${k}`).length) &&
            mail.mails.length) ||
          undefined,
        20_000,
        "a test at every receiver",
      );
      const body = (k: string) => JSON.parse(hook.at(`/t/${k}`)[0]?.body ?? "{}") as Record<string, unknown>;
      expect(body("webhook")).toMatchObject({ event: "test", alert: { ruleName: "Test from Wharf" } });
      expect(body("template")).toEqual({ msg: "[TEST] Test from Wharf: wharf on wharf", host: "wharf" });
      expect(String(body("slack").text)).toMatch(/^\*\[TEST\] Test from Wharf/);
      expect(String(body("discord").content)).toMatch(/^\*\*\[TEST\]/);
      const ntfy = hook.at("/t/ntfy")[0];
      expect(ntfy?.headers.authorization).toBe("Bearer tk_1");
      expect(
        Buffer.from(String(ntfy?.headers.title).replace(/^=\?UTF-8\?B\?|\?=$/g, ""), "base64").toString(),
      ).toMatch(/^\[TEST\]/);
      // DingTalk: markdown, signed in the URL with HMAC-SHA256 of "timestamp\nsecret" keyed by the secret.
      const ding = hook.at("/t/dingtalk")[0];
      const q = new URL(`http://x${ding?.path}`).searchParams;
      const ts = q.get("timestamp") ?? "";
      expect(q.get("access_token")).toBe("abc");
      expect(q.get("sign")).toBe(
        crypto.createHmac("sha256", secret).update(`${ts}\n${secret}`).digest("base64"),
      );
      expect(body("dingtalk")).toMatchObject({
        msgtype: "markdown",
        markdown: { title: expect.stringMatching(/^\[TEST\]/) },
      });
      expect(body("wecom")).toMatchObject({
        msgtype: "markdown",
        markdown: { content: expect.stringMatching(/^\*\*\[TEST\]/) },
      });
      // Feishu: text, signed in the body with HMAC-SHA256 keyed by "timestamp\nsecret" over nothing.
      const fs = body("feishu") as { timestamp: string; sign: string; msg_type: string };
      expect(fs.msg_type).toBe("text");
      expect(fs.sign).toBe(
        crypto.createHmac("sha256", `${fs.timestamp}\n${secret}`).update("").digest("base64"),
      );
      const m = mail.mails[0];
      expect(m?.to).toEqual(["ops@example.test"]);
      expect(m?.raw).toMatch(/^Subject: \[TEST\] Test from Wharf/m);
      // Each target shows its last delivery as sent.
      const listed = await admin.get<{ items: TargetView[] }>("/api/v1/alerts/targets");
      for (const t of listed.body.items.filter(
        (x) => x.name.startsWith(`${P}-`) && Object.keys(kinds).includes(x.name.slice(P.length + 1)),
      ))
        expect(t.lastDelivery?.status, t.name).toBe("sent");
      // A webhook's path is its password: the list shows the origin only.
      expect(listed.body.items.find((x) => x.name === `${P}-slack`)?.endpoint).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/…$/,
      );
    } finally {
      await mail.close();
    }
  });

  it("retries a failed delivery with backoff and shows a robot's refusal", async () => {
    const flaky = await httpReceiver((r, n) =>
      r.path.startsWith("/flaky") && n === 1
        ? { status: 503, body: "busy" }
        : r.path.startsWith("/robot")
          ? { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' }
          : { status: 200, body: "{}" },
    );
    try {
      const a = await target("flaky", { kind: "webhook", url: flaky.url("/flaky") });
      const b = await target("robot", { kind: "dingtalk", url: flaky.url("/robot") });
      await admin.send("POST", `/api/v1/alerts/targets/${a.id}/test`, {});
      await admin.send("POST", `/api/v1/alerts/targets/${b.id}/test`, {});
      const shown = await waitFor(
        async () => {
          const r = await admin.get<{ items: TargetView[] }>("/api/v1/alerts/targets");
          const fa = r.body.items.find((x) => x.id === a.id);
          const fb = r.body.items.find((x) => x.id === b.id);
          return fa?.lastDelivery?.status === "sent" && fb?.lastDelivery?.error ? { fa, fb } : undefined;
        },
        20_000,
        "the retry sent and the robot's refusal shown",
      );
      expect(flaky.at("/flaky")).toHaveLength(2);
      const gap = (flaky.at("/flaky")[1]?.at ?? 0) - (flaky.at("/flaky")[0]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(4500);
      expect(shown.fb.lastDelivery?.error).toBe("dingtalk answered 310000: sign not match");
    } finally {
      await flaky.close();
    }
  });
});

describe("alerts under scopes", () => {
  it("keeps rules and targets to unscoped admins, and another team's alerts out of sight and reach", async () => {
    await rule({ name: `${P} teamx`, kind: "exit", scope: { labelSelector: `team=x${P}` }, targets: [] });
    await run("edge", `${P}-x`, [
      "--label",
      `team=x${P}`,
      "--entrypoint",
      "/bin/sh",
      "local/idle:1",
      "-c",
      "exit 7",
    ]);
    const a = await waitFor(
      async () => {
        const r = await admin.get<{ items: AlertView[] }>("/api/v1/alerts");
        return r.body.items.find((x) => x.containerName === `${P}-x`);
      },
      20_000,
      "team x's alert",
    );
    expect(a.details.exitCode).toBe(7);
    const other = await userClient(srv.base, admin, {
      username: `${P}-y`.replace(/[^a-z0-9_-]/gi, ""),
      role: "operator",
      labelSelector: `team=y${P}`,
    });
    const seen = await other.get<{ items: AlertView[] }>("/api/v1/alerts");
    expect(seen.status).toBe(200);
    expect(seen.body.items.find((x) => x.id === a.id)).toBeUndefined();
    expect((await other.send("POST", `/api/v1/alerts/${a.id}/ack`, {})).status).toBe(404);
    expect((await other.send("POST", `/api/v1/alerts/${99_999}/ack`, {})).status).toBe(404);
    expect((await other.get("/api/v1/alerts/rules")).status).toBe(403);
    expect((await other.send("POST", "/api/v1/alerts/rules", { name: "x", kind: "oom" })).status).toBe(403);
    // A silence on another team's container is refused as if it did not exist.
    const sil = await other.send<{ error: { message: string } }>("POST", "/api/v1/alerts/silences", {
      subject: `${P}-x`,
      endsAt: Date.now() + 60_000,
    });
    expect(sil.status).toBe(404);
    const scopedAdmin = await userClient(srv.base, admin, {
      username: `${P}-sa`.replace(/[^a-z0-9_-]/gi, ""),
      role: "admin",
      hosts: ["edge"],
    });
    expect((await scopedAdmin.get("/api/v1/alerts/rules")).status).toBe(200);
    expect((await scopedAdmin.send("POST", "/api/v1/alerts/rules", { name: "x", kind: "oom" })).status).toBe(
      403,
    );
    // The admin acknowledges it.
    const acked = await admin.send<AlertView>("POST", `/api/v1/alerts/${a.id}/ack`, {});
    expect(acked.body.ackedBy).toBe("admin");
  });

  it("names the field and the reason for a bad rule", async () => {
    const r = await admin.send<{ error: { message: string } }>("POST", "/api/v1/alerts/rules", {
      name: "x",
      kind: "cpu",
      params: { percent: 80 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe("params.seconds: is required for a cpu rule");
    const t = await admin.send<{ error: { message: string } }>("POST", "/api/v1/alerts/rules", {
      name: "x",
      kind: "oom",
      targets: [424242],
    });
    expect(t.body.error.message).toBe("targets: no target with id 424242");
    const k = await admin.send<{ error: { message: string } }>("POST", "/api/v1/alerts/targets", {
      name: "x",
      config: { kind: "pager" },
    });
    expect(k.status).toBe(400);
    expect(k.body.error.message).toMatch(/^config\.kind: /);
  });
});
