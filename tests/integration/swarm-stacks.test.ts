/**
 * Stacks on a swarm, against the three-manager test cluster, with the docker CLI's `docker stack`
 * commands as the oracle: a stack Wharf deploys is one `docker stack services` lists, and one
 * `docker stack deploy` made is listed by Wharf and adopted with nothing to change.
 * Services here publish no port and send nothing; the stack's network is internal.
 *
 * The three test engines share one kernel, so an overlay network can be joined on one node only (a
 * second node's vxlan interface collides with the first's): every task here is placed on one node,
 * labelled for it.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSnapshot } from "../../lib/images/types";
import type { StackDetail, StackList, StackPlan } from "../../lib/stacks/types";
import { startSwarmServer, swarmCli } from "./swarm-cluster";
import { RUN_ID, userClient, waitFor, type Client, type TestServer, jobFinished } from "./harness";

const run = promisify(execFile);
const P = `${RUN_ID}-ss`.toLowerCase().replace(/[^a-z0-9_-]/g, "");
const BASE = "/api/v1/hosts/swarm/stacks";
const NODE_LABEL = "wharf-stack-tests";
const ON_ONE_NODE = `node.labels.${NODE_LABEL}==yes`;

let srv: TestServer;
let admin: Client;
let stopSwarm = async () => {};
/** The one node every task here runs on. */
let node = "";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-swarm-stacks-"));

beforeAll(async () => {
  node = await swarmCli("info", "--format", "{{.Swarm.NodeID}}");
  await swarmCli("node", "update", "--label-add", `${NODE_LABEL}=yes`, node);
  ({ srv, admin, stop: stopSwarm } = await startSwarmServer());
}, 120_000);

afterAll(async () => {
  const stacks = await swarmCli("stack", "ls", "--format", "{{.Name}}").catch(() => "");
  for (const s of stacks.split("\n").filter((n) => n.startsWith(P)))
    await swarmCli("stack", "rm", s).catch(() => "");
  if (node) await swarmCli("node", "update", "--label-rm", NODE_LABEL, node).catch(() => "");
  fs.rmSync(tmp, { recursive: true, force: true });
  await stopSwarm();
}, 120_000);

async function op(stack: string, what: string, body: unknown = {}): Promise<JobSnapshot> {
  const r = await admin.send<{ jobId: string }>("POST", `${BASE}/${stack}/${what}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  const job = await jobFinished(admin, r.body.jobId);
  expect(job.state, JSON.stringify(job)).toBe("done");
  return job;
}

/** `docker stack services` as "name replicas" lines, sorted. */
const stackServices = async (stack: string) =>
  (await swarmCli("stack", "services", stack, "--format", "{{.Name}} {{.Replicas}}")).split("\n").sort();

const waitReplicas = (stack: string, want: string[], what: string) =>
  waitFor(
    async () => {
      const got = await stackServices(stack).catch(() => []);
      return JSON.stringify(got) === JSON.stringify(want) || undefined;
    },
    90_000,
    what,
  );

const COMPOSE = (replicas: number) => `
services:
  app:
    image: local/busybox:1.35
    command: ["sleep", "100000"]
    labels:
      role: app
    stop_grace_period: 1s
    configs:
      - source: settings
        target: /etc/app.conf
    deploy:
      replicas: ${replicas}
      labels:
        team: ops
      update_config:
        parallelism: 1
        order: start-first
        failure_action: rollback
      restart_policy:
        condition: on-failure
        max_attempts: 3
      placement:
        constraints: ["${ON_ONE_NODE}"]
  agent:
    image: local/busybox:1.35
    command: ["sleep", "100000"]
    stop_grace_period: 1s
    deploy:
      mode: global
      placement:
        constraints: ["${ON_ONE_NODE}"]
configs:
  settings:
    content: "level=info\\n"
networks:
  default:
    internal: true
`;

describe("a stack Wharf deploys to a swarm", () => {
  const name = `${P}-web`;

  it("is what `docker stack services` lists, changes in place, and comes down as `docker stack rm` does", async () => {
    const created = await admin.send<{ plan: StackPlan }>("POST", BASE, {
      name,
      orchestrator: "swarm",
      compose: COMPOSE(2),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.plan.steps.map((s) => [s.service, s.action, s.container])).toEqual([
      ["app", "create", `${name}_app`],
      ["agent", "create", `${name}_agent`],
    ]);
    expect(created.body.plan.objects).toEqual(
      expect.arrayContaining([
        { kind: "network", name: `${name}_default`, action: "create" },
        { kind: "config", name: `${name}_settings`, action: "create" },
      ]),
    );

    await op(name, "deploy");
    await waitReplicas(name, [`${name}_agent 1/1`, `${name}_app 2/2`].sort(), "the stack's tasks running");
    const labels = JSON.parse(
      await swarmCli("service", "inspect", `${name}_app`, "--format", "{{json .Spec.Labels}}"),
    ) as Record<string, string>;
    expect(labels).toMatchObject({ "com.docker.stack.namespace": name, team: "ops" });
    const net = JSON.parse(
      await swarmCli("network", "inspect", `${name}_default`, "--format", "{{json .}}"),
    ) as { Driver: string; Internal: boolean; Labels: Record<string, string> };
    expect(net).toMatchObject({
      Driver: "overlay",
      Internal: true,
      Labels: { "com.docker.stack.namespace": name },
    });
    expect(await swarmCli("stack", "ls", "--format", "{{.Name}} {{.Services}}")).toContain(`${name} 2`);

    const listed = (await admin.get<StackList>(BASE)).body.items.find((s) => s.name === name);
    expect(listed).toMatchObject({ orchestrator: "swarm", source: "wharf", services: 2, state: "running" });
    const detail = (await admin.get<StackDetail>(`${BASE}/${name}`)).body;
    expect(detail.services.find((s) => s.name === "app")?.swarm).toMatchObject({
      name: `${name}_app`,
      desired: 2,
      running: 2,
    });

    // The same file again changes nothing.
    const again = await admin.send<StackPlan>("POST", `${BASE}/${name}/plan`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.steps.map((s) => `${s.service}:${s.action}:${s.reason}`)).toEqual([
      "app:keep:unchanged",
      "agent:keep:unchanged",
    ]);

    // Three replicas: an update in place, named for what changed.
    const put = await admin.send<{ plan: StackPlan }>("PUT", `${BASE}/${name}`, { compose: COMPOSE(3) });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.plan.steps.find((s) => s.service === "app")).toMatchObject({
      action: "update",
      reason: "changed: mode or replicas",
    });
    await op(name, "deploy");
    await waitReplicas(name, [`${name}_agent 1/1`, `${name}_app 3/3`].sort(), "3 app replicas");

    // start/stop have no meaning on a swarm: a clear refusal, not a half-done job.
    const stop = await admin.send<{ error: { message: string } }>("POST", `${BASE}/${name}/stop`, {});
    expect(stop.status).toBe(409);
    expect(stop.body.error.message).toMatch(/a swarm stack has no stop/);

    await op(name, "down");
    expect(await swarmCli("stack", "ls", "--format", "{{.Name}}")).not.toContain(name);
    await waitFor(
      async () =>
        (await swarmCli("network", "ls", "-q", "--filter", `name=${name}_default`)) === "" || undefined,
      30_000,
      "the stack's network removed",
    );
    expect(await swarmCli("config", "ls", "-q", "--filter", `name=${name}_settings`)).toBe("");
    const after = (await admin.get<StackList>(BASE)).body.items.find((s) => s.name === name);
    expect(after).toMatchObject({ state: "down", services: 2, running: 0 });
  }, 300_000);
});

describe("a stack made with `docker stack deploy`", () => {
  const name = `${P}-cli`;

  it("is listed by Wharf and adopted with nothing to change", async () => {
    const file = path.join(tmp, "cli-stack.yml");
    fs.writeFileSync(
      file,
      `version: "3.8"
services:
  job:
    image: local/busybox:1.35
    command: ["sleep", "100000"]
    environment:
      MODE: batch
    stop_grace_period: 2s
    deploy:
      replicas: 2
      labels:
        team: ops
      resources:
        limits:
          memory: 32M
      rollback_config:
        parallelism: 0
        order: start-first
      placement:
        constraints: ["${ON_ONE_NODE}"]
networks:
  default:
    internal: true
`,
    );
    await swarmCli("stack", "deploy", "--resolve-image", "never", "-c", file, name);
    await waitReplicas(name, [`${name}_job 2/2`], "the CLI stack's tasks running");

    const listed = (await admin.get<StackList>(BASE)).body.items.find((s) => s.name === name);
    expect(listed).toMatchObject({
      orchestrator: "swarm",
      source: "cli",
      services: 1,
      running: 2,
      containers: 2,
    });

    const adopted = await admin.send<{ plan: StackPlan; from: string }>("POST", `${BASE}/${name}/adopt`, {});
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body.from).toBe("services");
    expect(adopted.body.plan.steps.map((s) => `${s.service}:${s.action}:${s.reason}`)).toEqual([
      "job:keep:unchanged",
    ]);
    const detail = (await admin.get<StackDetail>(`${BASE}/${name}`)).body;
    expect(detail.summary).toMatchObject({ source: "wharf", orchestrator: "swarm" });
    expect(detail.current?.compose).toMatch(/memory: 33554432b|memory: 32M/);

    // Deployed by Wharf now, the CLI still sees the same stack.
    const job = await op(name, "deploy");
    expect(job.services?.map((s) => [s.service, s.state])).toEqual([["job", "skipped"]]);
    expect(await stackServices(name)).toEqual([`${name}_job 2/2`]);
  }, 240_000);
});

describe("the docker CLI through Wharf's endpoint", () => {
  /** The docker CLI against the swarm host's Docker endpoint, with a token's config. */
  async function viaWharf(tokenConfig: string, ...args: string[]) {
    const host = `tcp://${new URL(srv.base).host}/api/v1/hosts/swarm/docker`;
    return run("docker", ["-H", host, ...args], { env: { ...process.env, DOCKER_CONFIG: tokenConfig } }).then(
      (r) => ({ code: 0, out: r.stdout.trim(), err: r.stderr.trim() }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? 1,
        out: (e.stdout ?? "").trim(),
        err: (e.stderr ?? "").trim(),
      }),
    );
  }
  async function tokenConfig(body: Record<string, unknown>): Promise<string> {
    const t = await admin.send<{ token: string }>("POST", "/api/v1/tokens", body);
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const dir = fs.mkdtempSync(path.join(tmp, "cfg-"));
    fs.writeFileSync(
      path.join(dir, "config.json"),
      JSON.stringify({ HttpHeaders: { Authorization: `Bearer ${t.body.token}` } }),
    );
    return dir;
  }

  it("deploys and removes a stack with an admin token, and refuses a label-scoped one", async () => {
    const name = `${P}-ep`;
    const file = path.join(tmp, "endpoint-stack.yml");
    fs.writeFileSync(
      file,
      `services:
  box:
    image: local/busybox:1.35
    command: ["sleep", "100000"]
    stop_grace_period: 1s
    deploy:
      placement:
        constraints: ["${ON_ONE_NODE}"]
networks:
  default:
    internal: true
`,
    );
    const adminCfg = await tokenConfig({ name: `${P}-admin`, role: "admin" });
    const deployed = await viaWharf(
      adminCfg,
      "stack",
      "deploy",
      "--resolve-image",
      "never",
      "-c",
      file,
      name,
    );
    expect(deployed.code, deployed.err).toBe(0);
    await waitReplicas(name, [`${name}_box 1/1`], "the stack deployed through Wharf running");
    const listed = (await admin.get<StackList>(BASE)).body.items.find((s) => s.name === name);
    expect(listed).toMatchObject({ orchestrator: "swarm", source: "cli", services: 1 });
    const audit = await admin.get<{ items: { action: string; user: string }[] }>(
      "/api/v1/audit?action=docker%20POST%20%2Fservices%2Fcreate",
    );
    expect(audit.body.items.some((e) => e.user === `token:${P}-admin`)).toBe(true);

    const teamCfg = await tokenConfig({ name: `${P}-team`, role: "operator", labelSelector: "team=ops" });
    const refused = await viaWharf(teamCfg, "service", "create", "--name", `${P}-nope`, "local/busybox:1.35");
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/needs admin/);
    expect(await swarmCli("service", "ls", "-q", "--filter", `name=${P}-nope`)).toBe("");

    const removed = await viaWharf(adminCfg, "stack", "rm", name);
    expect(removed.code, removed.err).toBe(0);
    await waitFor(
      async () =>
        (await swarmCli("service", "ls", "-q", "--filter", `label=com.docker.stack.namespace=${name}`)) ===
          "" || undefined,
      30_000,
      "the stack removed through Wharf",
    );
  }, 180_000);
});

describe("scope and bad input", () => {
  it("refuses a label-scoped operator a swarm stack and hides the stacks of others", async () => {
    const op = await userClient(srv.base, admin, {
      username: `${P}-opa`,
      role: "operator",
      labelSelector: "team=a",
    });
    const made = await op.send<{ error: { code: string; message: string } }>("POST", BASE, {
      name: `${P}-scoped`,
      orchestrator: "swarm",
      compose: COMPOSE(1),
    });
    expect(made.status).toBe(403);
    expect(made.body.error.message).toMatch(/whole swarm/);
    const seen = (await op.get<StackList>(BASE)).body.items.map((s) => s.name);
    expect(seen.filter((n) => n.startsWith(P))).toEqual([]);
    expect((await op.get(`${BASE}/${P}-cli`)).status).toBe(404);
    expect((await op.send("POST", `${BASE}/${P}-cli/down`, {})).status).toBe(404);
    expect(await stackServices(`${P}-cli`)).toEqual([`${P}-cli_job 2/2`]);
  });

  it("names the field and the reason", async () => {
    const bad = await admin.send<{ error: { message: string } }>("POST", BASE, {
      name: `${P}-bad`,
      orchestrator: "kubernetes",
      compose: COMPOSE(1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/orchestrator: must be compose or swarm/);
    const privileged = await admin.send<{ error: { message: string } }>("POST", BASE, {
      name: `${P}-bad`,
      orchestrator: "swarm",
      compose: "services:\n  a:\n    image: local/busybox:1.35\n    privileged: true\n",
    });
    expect(privileged.status).toBe(400);
    expect(privileged.body.error.message).toMatch(/services\.a\.privileged: .*swarm/);
    expect((await admin.get<StackList>(BASE)).body.items.map((s) => s.name)).not.toContain(`${P}-bad`);
  });
});
