import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specToCreateBody } from "../../lib/container-spec";
import type { ContainerSpec } from "../../lib/container-spec/types";
import type { Result } from "../../lib/errors";
import type { ContainerEvent, StatsSample, StatsSubscribed } from "../../lib/realtime/events";
import type { StackDetail } from "../../lib/stacks/types";
import type { HostSummary } from "../../lib/types";
import { parseHostsSetting } from "../../server/engines/host-spec";
import { PODMAN_QUIRKS } from "../../server/engines/podman/quirks";
import {
  ENGINES_DIR,
  RUN_ID,
  connectSocket,
  docker,
  login,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

/**
 * Wharf against a real Podman host (Debian's podman 4.3.1 serving its Docker-compatible API): the
 * host is told apart, the everyday views work, and every entry of the quirk table
 * (server/engines/podman/quirks.ts) is shown here by a test whose title starts with "quirk <id>".
 */

const run = promisify(execFile);
const HOSTS_PODMAN = path.join(ENGINES_DIR, "hosts-podman.json");
const SOCK = path.join(ENGINES_DIR, "podman", "podman.sock");
const P = `${RUN_ID}-pm`;
const REGISTRY = "127.0.0.1:5000";
const PUSHED = `${REGISTRY}/wharf-it/${P}-idle:1`;
const H = "/api/v1/hosts/podman";

let srv: TestServer;
let admin: Client;
const sockets: TestSocket[] = [];

/** The docker CLI against the Podman host. */
async function pd(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", ["-H", `unix://${SOCK}`, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** One request to the Podman socket itself, for what the engine answers before Wharf reads it. */
function raw(p: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ socketPath: SOCK, path: p }, (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const runOn = (name: string, ...args: string[]) =>
  pd("run", "-d", "--network", "none", "--name", name, ...args);

async function socket(): Promise<TestSocket> {
  const s = await connectSocket(srv.base, admin.cookie);
  sockets.push(s);
  return s;
}

interface Inspect {
  State: { Running: boolean; Status: string };
  HostConfig: { Ulimits?: unknown };
  Config: { Env: string[] };
}

async function inspect(ref: string): Promise<Inspect> {
  const r = await admin.get<{ inspect: Inspect }>(`${H}/containers/${ref}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.inspect;
}

/** Samples of one container through Wharf's stats stream, for `ms` after the first one. */
async function statsFor(ref: string, ms: number): Promise<{ sub: StatsSubscribed; samples: StatsSample[] }> {
  const s = await socket();
  const samples: StatsSample[] = [];
  s.on("stats:sample", (x) => samples.push(x));
  const r = (await s
    .timeout(20_000)
    .emitWithAck("stats:subscribe", { hostId: "podman", containerId: ref })) as Result<StatsSubscribed>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  await waitFor(() => samples.length > 0 || undefined, 10_000, "a first sample");
  const first = samples.length;
  await new Promise((res) => setTimeout(res, ms));
  s.emit("stats:unsubscribe", { hostId: "podman", containerId: ref }, () => {});
  return { sub: r.data, samples: samples.slice(first - 1) };
}

beforeAll(async () => {
  if (!fs.existsSync(HOSTS_PODMAN))
    throw new Error(
      `the Podman host is not running (${HOSTS_PODMAN} missing): run "bash scripts/test-engines.sh start"`,
    );
  srv = await startServer({ hosts: parseHostsSetting(HOSTS_PODMAN) });
  admin = await login(srv.base);
  await waitHostsUp(admin, ["podman"]);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  const ids = await pd("ps", "-aq", "--filter", `name=${P}`).catch(() => "");
  if (ids) await pd("rm", "-f", ...ids.split("\n")).catch(() => "");
  for (const ref of [PUSHED, `${P}-tagged:2`]) await pd("rmi", ref).catch(() => "");
  await pd("volume", "rm", "-f", `${P}-vol`).catch(() => "");
  await pd("volume", "rm", "-f", `${P}-evvol`).catch(() => "");
  await pd("network", "rm", `${P}-net`).catch(() => "");
  await docker("local", "rmi", PUSHED).catch(() => "");
  await srv?.stop();
});

describe("Podman host", () => {
  it("is told apart from /version and shown as Podman, with only live limits disabled on a rootful host", async () => {
    const r = await admin.get<{ items: HostSummary[] }>("/api/v1/hosts");
    const h = r.body.items.find((x) => x.id === "podman");
    expect(h).toMatchObject({
      status: "up",
      engineVersion: "4.3.1",
      apiVersion: "1.41",
      engine: { kind: "podman", version: "4.3.1", apiVersion: "1.41" },
    });
    expect(h?.disabled?.map((d) => d.capability)).toEqual(["liveLimits"]);
  });

  it("lists containers and follows creates, starts and removals as they happen", async () => {
    const s = await socket();
    const events: ContainerEvent[] = [];
    s.on("container:event", (e) => events.push(e));
    const name = `${P}-live`;
    const id = await runOn(name, "local/idle:1");
    await waitFor(
      () => events.some((e) => e.containerId === id && e.action === "start") || undefined,
      10_000,
      "start",
    );
    const list = await admin.get<{ items: { id: string; name: string; state: string; image: string }[] }>(
      `${H}/containers`,
    );
    expect(list.body.items.find((c) => c.id === id)).toMatchObject({ name, state: "running" });
    await pd("stop", "-t", "1", name);
    await waitFor(
      () => events.some((e) => e.containerId === id && e.action === "die") || undefined,
      10_000,
      "die",
    );
    expect((await inspect(name)).State.Running).toBe(false);
  });

  it("quirk events-remove: a removal reaches clients as destroy, and the row leaves the list", async () => {
    const s = await socket();
    const events: ContainerEvent[] = [];
    s.on("container:event", (e) => events.push(e));
    const id = await pd("create", "--network", "none", "--name", `${P}-gone`, "local/idle:1");
    await waitFor(() => events.some((e) => e.containerId === id) || undefined, 10_000, "create");
    await pd("rm", `${P}-gone`);
    const destroy = await waitFor(
      () => events.find((e) => e.containerId === id && e.action === "destroy"),
      10_000,
      "destroy",
    );
    expect(destroy.container).toBeNull();
    expect(events.some((e) => e.action === "remove")).toBe(false);
    const list = await admin.get<{ items: { id: string }[] }>(`${H}/containers`);
    expect(list.body.items.some((c) => c.id === id)).toBe(false);
  });

  it("quirk events-backend: the event stream is open on a host with a file events logger", () => {
    expect(srv.wharf.ctx.hosts.find("podman")?.eventsOpen).toBe(true);
  });

  it("quirk events-volume-id: the volume list follows volumes made and removed with the CLI", async () => {
    const name = `${P}-evvol`;
    const listed = async () =>
      (await admin.get<{ items: { name: string }[] }>(`${H}/volumes`)).body.items.some(
        (v) => v.name === name,
      );
    expect(await listed()).toBe(false);
    await pd("volume", "create", name);
    await waitFor(async () => (await listed()) || undefined, 10_000, "the volume in the list");
    await pd("volume", "rm", name);
    await waitFor(async () => !(await listed()) || undefined, 10_000, "the volume gone from the list");
  });

  it("starts, stops, restarts, pauses, unpauses and kills through the API", async () => {
    const name = `${P}-life`;
    await runOn(name, "local/idle:1");
    const act = async (a: string, state: string) => {
      const r = await admin.send("POST", `${H}/containers/${name}/${a}`);
      expect(r.status, `${a}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      expect((await inspect(name)).State.Status).toBe(state);
    };
    await act("pause", "paused");
    await act("unpause", "running");
    await act("restart", "running");
    await act("stop", "exited");
    await act("start", "running");
    await act("kill", "exited");
  });

  it("quirk pause-rootless-v1: pause works on this rootful host, so it is not disabled", async () => {
    const h = srv.wharf.ctx.hosts.find("podman")?.summary();
    expect(h?.disabled?.some((d) => d.capability === "pause") ?? false).toBe(false);
    const info = await admin.get<{ cgroupVersion?: string }>(`${H}/system`);
    expect(info.status).toBe(200);
  });

  it("quirk logs: the log download reads lines with a TTY and without one", async () => {
    await runOn(`${P}-tick`, "local/ticker:1");
    await pd(
      "run",
      "-d",
      "-t",
      "--network",
      "none",
      "--name",
      `${P}-tty`,
      "local/busybox:1.35",
      "sh",
      "-c",
      "echo out; echo err >&2; sleep 1000",
    );
    const text = async (ref: string) => {
      const r = await fetch(`${srv.base}${H}/containers/${ref}/logs`, { headers: { cookie: admin.cookie } });
      expect(r.status).toBe(200);
      return r.text();
    };
    await waitFor(async () => (/tick 2\n/.test(await text(`${P}-tick`)) ? true : undefined), 10_000, "ticks");
    const tty = await waitFor(
      async () => {
        const t = await text(`${P}-tty`);
        return /err/.test(t) ? t : undefined;
      },
      10_000,
      "tty lines",
    );
    expect(tty).toMatch(/out\r?\nerr/);
    // Without a TTY the frames' headers must not leak into the text.
    expect(await text(`${P}-tick`)).not.toMatch(/[\x00-\x08]/);
  });

  it("quirk exec: a terminal runs a command, echoes it and reports the exit code", async () => {
    await runOn(`${P}-exec`, "local/idle:1");
    const s = await socket();
    let out = "";
    let exit: number | null | undefined;
    s.on("exec:output", (e) => (out += e.data));
    s.on("exec:exit", (e) => (exit = e.exitCode));
    const r = (await s.timeout(20_000).emitWithAck("exec:start", {
      hostId: "podman",
      containerId: `${P}-exec`,
      cols: 80,
      rows: 24,
    })) as Result<{ sessionId: string }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const sessionId = r.data.sessionId;
    await s.timeout(5000).emitWithAck("exec:input", { sessionId, data: "echo $((6*7))\n" });
    await waitFor(() => (/^42\r?$/m.test(out) ? true : undefined), 10_000, "42");
    await s.timeout(5000).emitWithAck("exec:resize", { sessionId, cols: 100, rows: 30 });
    await s.timeout(5000).emitWithAck("exec:input", { sessionId, data: "exit 3\n" });
    await waitFor(() => (exit !== undefined ? true : undefined), 10_000, "exit");
    expect(exit).toBe(3);
  });

  it("quirk exec-resize-201: a resize is answered ok", async () => {
    await runOn(`${P}-rsz`, "local/idle:1");
    const s = await socket();
    const r = (await s.timeout(20_000).emitWithAck("exec:start", {
      hostId: "podman",
      containerId: `${P}-rsz`,
      cols: 80,
      rows: 24,
    })) as Result<{ sessionId: string }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const resized = (await s.timeout(5000).emitWithAck("exec:resize", {
      sessionId: r.data.sessionId,
      cols: 100,
      rows: 30,
    })) as Result<unknown>;
    expect(resized.ok, JSON.stringify(resized)).toBe(true);
    await s.timeout(5000).emitWithAck("exec:close", { sessionId: r.data.sessionId });
  });

  it("quirk exec-user: an unknown user is refused naming the user field", async () => {
    await runOn(`${P}-usr`, "local/idle:1");
    const s = await socket();
    const r = (await s.timeout(20_000).emitWithAck("exec:start", {
      hostId: "podman",
      containerId: `${P}-usr`,
      user: "no-such-user",
      cols: 80,
      rows: 24,
    })) as Result<{ sessionId: string }>;
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", details: { field: "user" } } });
  });

  it("quirk update-endpoint: live limits are disabled with the reason, and a change is refused as a conflict", async () => {
    await runOn(`${P}-lim`, "--memory", "64m", "local/idle:1");
    const r = await admin.send<{ error: { code: string; message: string } }>(
      "PATCH",
      `${H}/containers/${P}-lim/resources`,
      { memory: 48 * 1024 * 1024, memorySwap: 96 * 1024 * 1024 },
    );
    expect([r.status, r.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(r.body.error.message).toMatch(/cannot change a running container's limits/);
    expect(await pd("inspect", "-f", "{{.HostConfig.Memory}}", `${P}-lim`)).toBe(`${64 * 1024 * 1024}`);
  });

  it("quirk state-refusal: pausing a stopped container is a 409 conflict, and it stays stopped", async () => {
    await runOn(`${P}-st`, "local/idle:1");
    expect((await admin.send("POST", `${H}/containers/${P}-st/stop`)).status).toBe(200);
    const r = await admin.send<{ error: { code: string; message: string } }>(
      "POST",
      `${H}/containers/${P}-st/pause`,
    );
    expect([r.status, r.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(r.body.error.message).toMatch(/improper/);
    expect(await pd("inspect", "-f", "{{.State.Status}}", `${P}-st`)).toBe("exited");
  });

  it("quirk archive: the file browser lists a folder and reads a file", async () => {
    await runOn(`${P}-files`, "local/idle:1");
    const list = await admin.get<{ items: { name: string }[] }>(`${H}/containers/${P}-files/files?path=/etc`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i) => i.name)).toContain("passwd");
    const head = await raw(`/v1.41/containers/${P}-files/archive?path=/etc/passwd`);
    expect(head.status).toBe(200);
    expect(head.body).toContain("root:x:0:0");
  });
});

describe("Podman stats", () => {
  it("quirk stats-rate: samples come once a second, not once per 5 s", async () => {
    await runOn(`${P}-rate`, "local/ticker:1");
    const { sub, samples } = await statsFor(`${P}-rate`, 5000);
    expect(sub.mode).toBe("engine");
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const gaps = samples.slice(1).map((s, i) => s.ts - (samples[i] as StatsSample).ts);
    expect(Math.max(...gaps)).toBeLessThan(2000);
  });

  it("quirk stats-cpu: a burner held to half a CPU shows about 50 %", async () => {
    await runOn(`${P}-burn`, "--cpus", "0.5", "local/busybox:1.35", "sh", "-c", "while :; do :; done");
    const { samples } = await statsFor(`${P}-burn`, 4000);
    const cpu = samples.map((s) => s.cpuPercent);
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(70);
    expect(samples.every((s) => s.memoryBytes > 0 && s.pids >= 1)).toBe(true);
  });

  it("quirk memory-rootless-v1: memory usage is there on this rootful host, so it is not disabled", async () => {
    const { samples } = await statsFor(`${P}-rate`, 1000);
    expect(samples.every((s) => s.memoryBytes > 0)).toBe(true);
    const disabled = srv.wharf.ctx.hosts.find("podman")?.summary().disabled ?? [];
    expect(disabled.some((d) => d.capability === "memoryStats")).toBe(false);
  });

  it("quirk stats-name: the engine's stats name has no slash, and Wharf shows the whole name", async () => {
    const doc = JSON.parse((await raw(`/v1.41/containers/${P}-rate/stats?stream=false`)).body) as {
      name: string;
    };
    expect(doc.name).toBe(`${P}-rate`);
    const list = await admin.get<{ items: { name: string }[] }>(`${H}/containers`);
    expect(list.body.items.map((c) => c.name)).toContain(`${P}-rate`);
  });

  it("shows limits in the quota view", async () => {
    const r = await admin.get<{ items: { name?: string; id?: string; limits?: Record<string, unknown> }[] }>(
      `${H}/quotas`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body)).toContain(`${P}-burn`);
  });
});

describe("Podman images, volumes and networks", () => {
  it("quirk image-names: images are listed under Docker's short names", async () => {
    const r = await admin.get<{ items: { repoTags?: string[]; tags?: string[] }[] }>(`${H}/images`);
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body);
    expect(text).toContain('"local/idle:1"');
    expect(text).not.toContain("docker.io/local/");
  });

  it("quirk image-short-names: create takes the listed short name; localhost/ before it is not the same image", async () => {
    const created = await admin.send<{ id: string }>("POST", `${H}/containers`, {
      name: `${P}-short`,
      config: { Image: "local/idle:1", HostConfig: { NetworkMode: "none" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const other = await admin.get(`${H}/images/${encodeURIComponent("localhost/local/idle:1")}`);
    expect(other.status).toBe(404);
  });

  it("pulls from the loopback registry, tags, shows history and removes", async () => {
    await docker("local", "tag", "local/idle:1", PUSHED);
    await docker("local", "push", "-q", PUSHED);
    const pull = await admin.send<{ id: string }>("POST", `${H}/images/pull`, { image: PUSHED });
    expect(pull.status, JSON.stringify(pull.body)).toBe(200);
    const ref = encodeURIComponent(PUSHED);
    const tag = await admin.send("POST", `${H}/images/${ref}/tag`, { repo: `${P}-tagged`, tag: "2" });
    expect(tag.status, JSON.stringify(tag.body)).toBe(201);
    const hist = await admin.get<{ items: unknown[] }>(`${H}/images/${ref}/history`);
    expect(hist.status).toBe(200);
    expect(hist.body.items.length).toBeGreaterThan(0);
    for (const r of [ref, encodeURIComponent(`${P}-tagged:2`)]) {
      const del = await admin.send("DELETE", `${H}/images/${r}`);
      expect(del.status, JSON.stringify(del.body)).toBe(200);
    }
    expect(await pd("images", "-q", PUSHED)).toBe("");
  });

  it("creates, lists and removes a volume and an internal network", async () => {
    const v = await admin.send("POST", `${H}/volumes`, { Name: `${P}-vol`, Labels: { "wharf.test": P } });
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    // The list follows the engine's events, which Podman sends a moment after it answers.
    await waitFor(
      async () =>
        (await admin.get<{ items: { name: string }[] }>(`${H}/volumes`)).body.items.some(
          (x) => x.name === `${P}-vol`,
        ) || undefined,
      5000,
      "the volume in the list",
    );
    expect((await admin.send("DELETE", `${H}/volumes/${P}-vol`)).status).toBeLessThan(300);
    const n = await admin.send("POST", `${H}/networks`, { Name: `${P}-net`, Internal: true });
    expect(n.status, JSON.stringify(n.body)).toBe(201);
    const nets = await admin.get<{ items: { name: string; internal?: boolean }[] }>(`${H}/networks`);
    expect(nets.body.items.find((x) => x.name === `${P}-net`)).toBeDefined();
    expect((await admin.send("DELETE", `${H}/networks/${P}-net`)).status).toBeLessThan(300);
  });

  it("quirk df-names: disk usage names images as the image list does", async () => {
    const r = await admin.get<{ images: { repoTags: string[] }[] }>(`${H}/df`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.images.flatMap((i) => i.repoTags)).toContain("local/idle:1");
  });

  it("quirk df-layers: the images' total is not 0", async () => {
    expect((JSON.parse((await raw("/v1.41/system/df")).body) as { LayersSize: number }).LayersSize).toBe(0);
    const r = await admin.get<{ summary: { images: { size: number } } }>(`${H}/df`);
    expect(r.body.summary.images.size).toBeGreaterThan(1_000_000);
  });

  it("quirk engine-id: the engine's ID changes on every call, and Wharf keeps the host's own id", async () => {
    const a = (JSON.parse((await raw("/v1.41/info")).body) as { ID: string }).ID;
    const b = (JSON.parse((await raw("/v1.41/info")).body) as { ID: string }).ID;
    expect(a).not.toBe(b);
    const r = await admin.get<{ items: HostSummary[] }>("/api/v1/hosts");
    expect(r.body.items.map((h) => h.id)).toEqual(["podman"]);
  });
});

describe("Podman create and recreate", () => {
  it("quirk create-ulimits: a recreate from a Podman container's own settings succeeds", async () => {
    const name = `${P}-re`;
    await runOn(name, "-e", "MODE=v1", "local/idle:1");
    // What Podman's inspect says of every container here: RLIMIT_* names its create refuses.
    expect(JSON.stringify((await inspect(name)).HostConfig.Ulimits)).toContain("RLIMIT_NOFILE");
    const spec = (await admin.get<{ spec: ContainerSpec }>(`${H}/containers/${name}/spec`)).body.spec;
    spec.env = spec.env.map((e) => (e.key === "MODE" ? { ...e, value: "v2" } : e));
    const res = await admin.send<{ id: string; changed: string[] }>(
      "POST",
      `${H}/containers/${name}/recreate`,
      {
        config: specToCreateBody(spec).config,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await inspect(name);
    expect(after.Config.Env).toContain("MODE=v2");
    expect(after.State.Running).toBe(true);
  });

  it("quirk create-swappiness: a body with MemorySwappiness 0, as Podman's inspect reports it, creates", async () => {
    const r = await admin.send<{ id: string; warnings: string[] }>("POST", `${H}/containers`, {
      name: `${P}-swap`,
      start: true,
      config: { Image: "local/idle:1", HostConfig: { NetworkMode: "none", MemorySwappiness: 0 } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.warnings).toContain("Podman: MemorySwappiness 0 left unset");
    expect((await inspect(`${P}-swap`)).State.Running).toBe(true);
  });
});

it("has a test for every quirk", () => {
  expect(PODMAN_QUIRKS.length).toBeGreaterThan(10);
});

describe("compose stacks on Podman", () => {
  it("deploys a stack, lists its service running as compose's labels say, and takes it down", async () => {
    const name = `${P}-stk`.toLowerCase().replace(/[^a-z0-9_-]/g, "");
    const compose = "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n";
    const created = await admin.send("POST", `${H}/stacks`, { name, compose });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const job = async (op: string) => {
      const r = await admin.send<{ jobId: string }>("POST", `${H}/stacks/${name}/${op}`, {});
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      return waitFor(
        async () => {
          const j = await admin.get<{ state: string; error?: string }>(`/api/v1/jobs/${r.body.jobId}`);
          return j.status === 200 && j.body.state !== "running" ? j.body : undefined;
        },
        120_000,
        `${op} of ${name}`,
      );
    };
    try {
      expect(await job("deploy")).toMatchObject({ state: "done" });
      // The docker CLI against the Podman socket is the second opinion.
      const ps = await pd(
        "ps",
        "--filter",
        `label=com.docker.compose.project=${name}`,
        "--format",
        "{{.Names}} {{.State}}",
      );
      expect(ps).toBe(`${name}-web-1 running`);
      const stack = await admin.get<StackDetail>(`${H}/stacks/${name}`);
      expect(stack.status, JSON.stringify(stack.body)).toBe(200);
      expect(stack.body.summary).toMatchObject({ state: "running", running: 1 });
      expect(
        stack.body.services.find((x) => x.name === "web")?.containers.map((c) => [c.name, c.state]),
      ).toEqual([[`${name}-web-1`, "running"]]);
      expect(await job("down")).toMatchObject({ state: "done" });
      expect(await pd("ps", "-aq", "--filter", `label=com.docker.compose.project=${name}`)).toBe("");
    } finally {
      await admin.send("DELETE", `${H}/stacks/${name}`);
    }
  }, 180_000);
});
