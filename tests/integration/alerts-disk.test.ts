import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertView, Rule, TargetView } from "../../lib/alerts";
import type { HostDisk } from "../../lib/disk";
import { asError } from "../../lib/errors";
import type { Overview } from "../../lib/overview";
import type { RegistryRecord } from "../../lib/types";
import { DiskSpace } from "../../server/engines/disk-space";
import { df, expectDfLike } from "./fixtures/df";
import { httpReceiver } from "./fixtures/receivers";
import {
  ENGINE_IDS,
  RUN_ID,
  docker,
  engineSocket,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type EngineId,
  type TestServer,
} from "./harness";

const run = promisify(execFile);
/** Every manifest this file pushed, deleted from the registry at the end. */
const pushed: string[] = [];

let srv: TestServer;
let admin: Client;
let hook: Awaited<ReturnType<typeof httpReceiver>>;
const P = `it-disk-${RUN_ID.slice(2)}`;
const LABEL = `wharf.test=${P}`;
const REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
const REPO = `wharf-it/${P}`;
const VOLUME_HOSTS = ["local", "edge"] as const;
/** Measured every 2 s and checked every 1.5 s, so a test sees several rounds in seconds. */
const DISK_MS = 2000;
const UPDATE_MS = 1500;

type Known = Extract<HostDisk, { state: "known" }>;

interface Payload {
  event: string;
  alert: AlertView;
}

async function target(name: string): Promise<TargetView> {
  const r = await admin.send<TargetView>("POST", "/api/v1/alerts/targets", {
    name: `${P}-${name}`,
    config: { kind: "webhook", url: hook.url(`/${name}`) },
  });
  if (r.status !== 201) throw new Error(`target ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function rule(body: Record<string, unknown>): Promise<Rule> {
  const r = await admin.send<Rule>("POST", "/api/v1/alerts/rules", { cooldownSeconds: 0, ...body });
  if (r.status !== 201) throw new Error(`rule: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const diskRule = (name: string, percent: number, scope: Record<string, unknown>, t: TargetView) =>
  rule({ name, kind: "disk", scope, params: { percent }, targets: [t.id] });

const hooks = (name: string) => hook.at(`/${name}`).map((r) => JSON.parse(r.body) as Payload);

const firingOf = async (ruleId: number) =>
  (await admin.get<{ items: AlertView[] }>("/api/v1/alerts?state=firing")).body.items.filter(
    (a) => a.ruleId === ruleId,
  );

/** `df -P` of a directory on this machine, where the test engines keep their data: the oracle. */
async function build(engine: EngineId, tag: string, marker: string): Promise<void> {
  const dockerfile = `FROM local/busybox:1.35\nRUN echo ${P}-${marker} > /id\n`;
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      "docker",
      ["-H", `unix://${engineSocket(engine)}`, "build", "-q", "--label", LABEL, "-t", tag, "-"],
      { env: { ...process.env, DOCKER_BUILDKIT: "0" } },
      (err) => (err ? reject(asError(err)) : resolve()),
    );
    child.stdin?.end(dockerfile);
  });
}

/** Pushes a tag from the local engine and answers the digest the registry now serves for it. */
async function push(ref: string, tag: string): Promise<string> {
  await docker("local", "push", ref);
  const r = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
  });
  const digest = r.headers.get("docker-content-digest") ?? "";
  pushed.push(digest);
  return digest;
}

/** A container on edge that sleeps on `ref`, with no network. */
const sleeper = (name: string, label: string, ref: string) =>
  docker(
    "edge",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    name,
    "--label",
    label,
    "--entrypoint",
    "/bin/sleep",
    ref,
    "3600",
  );

/** A TCP relay on loopback to the test registry: a registry Wharf knows that can be made unreachable. */
async function relay(port = 0) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(REGISTRY.split(":")[1]), "127.0.0.1");
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  srv = await startServer({
    metricsIntervalMs: 0,
    diskIntervalMs: DISK_MS,
    imageUpdateIntervalMs: UPDATE_MS,
  });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  hook = await httpReceiver();
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  for (const e of ENGINE_IDS) {
    const vols = await docker(e, "volume", "ls", "-q", "--filter", `label=${LABEL}`).catch(() => "");
    if (vols) await docker(e, "volume", "rm", "-f", ...vols.split("\n")).catch(() => "");
    const refs = (
      await docker(e, "images", "--filter", `label=${LABEL}`, "--format", "{{.ID}}").catch(() => "")
    )
      .split("\n")
      .filter(Boolean);
    if (refs.length) await docker(e, "rmi", "-f", ...new Set(refs)).catch(() => "");
  }
  for (const digest of pushed)
    await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${digest}`, { method: "DELETE" }).catch(
      () => undefined,
    );
  await hook?.close();
  await srv?.stop();
});

describe("host disk on the overview", () => {
  it("measures each data root as df does: by statfs here, by a probe container on TCP and TLS hosts", async () => {
    const o = await waitFor(
      async () => {
        const r = await admin.get<Overview>("/api/v1/overview");
        return r.body.hosts.every((h) => h.disk?.state === "known") ? r.body : undefined;
      },
      30_000,
      "every host's disk on the overview",
    );
    for (const id of ENGINE_IDS) {
      const d = o.hosts.find((h) => h.id === id)?.disk as Known;
      const root = await docker(id, "info", "-f", "{{.DockerRootDir}}");
      expect(d.path).toBe(root);
      expect(d.how).toBe(id === "local" ? "local" : "probe");
      const oracle = await df(root);
      expect(d.size).toBe(oracle.size);
      expectDfLike(d.percent, oracle.capacity);
      expect(d.used + d.free).toBeLessThanOrEqual(d.size);
      const host = srv.wharf.ctx.hosts.find(id);
      const ms = host ? srv.wharf.ctx.disk.latest(host)?.ms : undefined;
      console.info(`disk: ${id} measured ${d.how === "local" ? "here" : "by a probe container"} in ${ms} ms`);
    }
  });
});

describe("a disk that cannot be measured", () => {
  it("says why: a pinned probe image the host lacks, or one without df; and leaves nothing behind", async () => {
    const host = srv.wharf.ctx.hosts.find("edge");
    if (!host) throw new Error("no edge host");
    const absent = await new DiskSpace({ intervalMs: 60_000, probeImage: `${P}-absent:1` }).read(
      host,
      20_000,
    );
    expect(absent?.disk).toMatchObject({ state: "unknown", reason: "no-image" });
    expect(absent?.disk.state === "unknown" && absent.disk.detail).toMatch(/is not on the host/);

    // An image of one plain file: the runtime has no df to start.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-nodf-"));
    try {
      fs.writeFileSync(path.join(dir, "hello"), "no df here\n");
      const tar = path.join(dir, "image.tar");
      await run("tar", ["-C", dir, "-cf", tar, "hello"]);
      await docker("edge", "import", "--change", `LABEL ${LABEL}`, tar, `${P}-nodf:1`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const bare = await new DiskSpace({ intervalMs: 60_000, probeImage: `${P}-nodf:1` }).read(host, 20_000);
    expect(bare?.disk).toMatchObject({ state: "unknown", reason: "no-image" });
    expect(bare?.disk.state === "unknown" && bare.disk.detail).toMatch(/executable file not found/);
    expect(await docker("edge", "ps", "-aq", "--filter", "label=wharf.probe")).toBe("");
  });
});

describe("disk rules against real engines", () => {
  let onePercent: Rule;
  let full: Rule;

  it("fires once per host when the threshold is below the real use, counts later readings in, and never at 100", async () => {
    const [t, t100] = [await target("disk"), await target("disk100")];
    onePercent = await diskRule(`${P} disk 1`, 1, { hosts: ["local", "edge"] }, t);
    full = await diskRule(`${P} disk 100`, 100, { hosts: ["local", "edge"] }, t100);
    const hostAlerts = () => hooks("disk").filter((p) => p.alert.details.volume === undefined);
    await waitFor(
      () => VOLUME_HOSTS.every((id) => hostAlerts().some((p) => p.alert.hostId === id)) || undefined,
      30_000,
      "a disk alert for local and edge",
    );
    for (const id of VOLUME_HOSTS) {
      const p = hostAlerts().find((x) => x.alert.hostId === id);
      const root = await docker(id, "info", "-f", "{{.DockerRootDir}}");
      expect(p?.event).toBe("firing");
      expect(p?.alert).toMatchObject({
        kind: "disk",
        ruleId: onePercent.id,
        details: { path: root, threshold: 1 },
      });
      expect(p?.alert.containerId).toBeUndefined();
      expectDfLike(Number(p?.alert.details.percent), (await df(root)).capacity);
    }
    // Later readings count into the open alerts: still one notice per host.
    await waitFor(
      async () => {
        const open = (await firingOf(onePercent.id)).filter((a) => a.details.volume === undefined);
        return open.length === 2 && open.every((a) => a.count >= 3) ? open : undefined;
      },
      30_000,
      "three readings counted into each host's alert",
    );
    expect(hostAlerts()).toHaveLength(2);
    expect(hostAlerts().some((p) => p.alert.hostId === "secure")).toBe(false);
    expect(hooks("disk100")).toEqual([]);
    expect(await firingOf(full.id)).toEqual([]);
  });

  it("fires for a volume on a filesystem of its own by its use, for a plain one by the volume store's, and resolves", async () => {
    const [t, t90, tPlain] = [await target("vol"), await target("vol90"), await target("plain")];
    for (const e of VOLUME_HOSTS) {
      await docker(
        e,
        "volume",
        "create",
        ...["--driver", "local", "--opt", "type=tmpfs", "--opt", "device=tmpfs"],
        ...["--opt", "o=size=8m", "--label", LABEL, "--label", `com.docker.compose.project=${P}-tmp`],
        `${P}-tmp`,
      );
      await docker(
        e,
        "volume",
        "create",
        "--label",
        LABEL,
        "--label",
        `com.docker.compose.project=${P}-plain`,
        `${P}-plain`,
      );
      // 4 MiB written into an 8 MiB tmpfs: half full.
      await docker(
        e,
        "run",
        "-d",
        "--network",
        "none",
        "--name",
        `${P}-vol`,
        ...["-v", `${P}-tmp:/v`, "-v", `${P}-plain:/p`],
        ...[
          "--entrypoint",
          "/bin/sh",
          "local/idle:1",
          "-c",
          "dd if=/dev/zero of=/v/fill bs=1024 count=4096 && exec sleep 3600",
        ],
      );
    }
    const tmp = await diskRule(`${P} tmp 40`, 40, { stack: `${P}-tmp` }, t);
    const tmp90 = await diskRule(`${P} tmp 90`, 90, { stack: `${P}-tmp` }, t90);
    await diskRule(`${P} plain`, 1, { stack: `${P}-plain` }, tPlain);

    const both = (name: string, volume: string) =>
      VOLUME_HOSTS.every((id) =>
        hooks(name).some((p) => p.alert.hostId === id && p.alert.details.volume === volume),
      );
    await waitFor(() => both("vol", `${P}-tmp`) || undefined, 30_000, "the tmpfs volume's alerts");
    for (const p of hooks("vol")) {
      expect(p.alert).toMatchObject({
        kind: "disk",
        ruleId: tmp.id,
        project: `${P}-tmp`,
        details: { volume: `${P}-tmp`, threshold: 40, size: "8.0 MiB" },
      });
      expect(Number(p.alert.details.percent)).toBeGreaterThanOrEqual(50);
      expect(Number(p.alert.details.percent)).toBeLessThan(52);
    }
    await waitFor(() => both("plain", `${P}-plain`) || undefined, 30_000, "the plain volume's alerts");
    for (const p of hooks("plain")) {
      const root = await docker(p.alert.hostId as EngineId, "info", "-f", "{{.DockerRootDir}}");
      expectDfLike(Number(p.alert.details.percent), (await df(`${root}/volumes`)).capacity);
    }
    // The unnamed rule watches the data root and volumes of their own filesystem, not plain ones.
    await waitFor(() => both("disk", `${P}-tmp`) || undefined, 30_000, "the unnamed rule's tmpfs alerts");
    expect(hooks("disk").some((p) => p.alert.details.volume === `${P}-plain`)).toBe(false);
    expect(hooks("vol90")).toEqual([]);
    expect(await firingOf(tmp90.id)).toEqual([]);

    // A label-scoped user sees the host's disk but learns no volume name outside its labels.
    const other = await userClient(srv.base, admin, {
      username: `${P}-other`,
      role: "operator",
      hosts: ["local"],
      labelSelector: "team=nobody",
    });
    const mine = await userClient(srv.base, admin, {
      username: `${P}-mine`,
      role: "operator",
      labelSelector: LABEL,
    });
    const seen = await other.get<Overview>("/api/v1/overview");
    expect(seen.body.hosts.map((h) => h.id)).toEqual(["local"]);
    expect(seen.body.hosts[0]?.disk?.state).toBe("known");
    expect(
      seen.body.firing.some((a) => a.ruleId === onePercent.id && a.hostId === "local" && !a.details.volume),
    ).toBe(true);
    const adminSees = JSON.stringify((await admin.get<Overview>("/api/v1/overview")).body);
    expect(adminSees).toContain(`${P}-tmp`);
    const theirAlerts = JSON.stringify((await other.get("/api/v1/alerts")).body);
    for (const name of [`${P}-tmp`, `${P}-plain`]) {
      expect(JSON.stringify(seen.body)).not.toContain(name);
      expect(theirAlerts).not.toContain(name);
    }
    const theirs = (await mine.get<{ items: AlertView[] }>("/api/v1/alerts?state=firing")).body.items;
    expect(theirs.filter((a) => a.details.volume === `${P}-tmp`).length).toBeGreaterThanOrEqual(2);
    // Their volume can be silenced by its name; another team's, not even by guessing it.
    const silence = {
      hostId: "local",
      subject: `${P}-tmp`,
      endsAt: Date.now() + 60_000,
      comment: "resizing",
    };
    const refused = await other.send<{ error: { message: string } }>(
      "POST",
      "/api/v1/alerts/silences",
      silence,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(
      `subject: no container, service or volume "${P}-tmp" in your scope`,
    );
    const made = await mine.send<{ id: number }>("POST", "/api/v1/alerts/silences", silence);
    expect(made.status).toBe(201);
    // Silenced on the host it names, and only there.
    const firingTmp = async () =>
      (await mine.get<{ items: AlertView[] }>("/api/v1/alerts?state=firing")).body.items.filter(
        (a) => a.details.volume === `${P}-tmp`,
      );
    const now = await firingTmp();
    expect(now.filter((a) => a.hostId === "local").length).toBeGreaterThan(0);
    expect(now.filter((a) => a.hostId === "local").every((a) => a.silenced)).toBe(true);
    expect(now.filter((a) => a.hostId === "edge").some((a) => a.silenced)).toBe(false);
    expect((await mine.send("DELETE", `/api/v1/alerts/silences/${made.body.id}`)).status).toBe(200);

    for (const e of VOLUME_HOSTS) await docker(e, "exec", `${P}-vol`, "rm", "/v/fill");
    await waitFor(
      () =>
        VOLUME_HOSTS.every((id) =>
          hooks("vol").some((p) => p.event === "resolved" && p.alert.hostId === id),
        ) || undefined,
      30_000,
      "the tmpfs volume's alerts resolved once emptied",
    );
    expect(await firingOf(tmp.id)).toEqual([]);
  });
});

describe("image-update rules against the loopback registry", () => {
  it("fires when a newer image is pushed under a running container's tag, and resolves once it is recreated on it", async () => {
    const reg = await admin.send<RegistryRecord>("POST", "/api/v1/registries", {
      name: `${P}-reg`,
      url: `http://${REGISTRY}`,
    });
    expect(reg.status).toBe(201);
    const ref = `${REGISTRY}/${REPO}:1`;
    await build("local", ref, "first");
    await push(ref, "1");
    await docker("edge", "pull", ref);
    const first = await sleeper(`${P}-app`, LABEL, ref);
    const t = await target("upd");
    const r = await rule({
      name: `${P} updates`,
      kind: "image-update",
      scope: { labelSelector: LABEL },
      targets: [t.id],
    });
    // Rounds pass with the registry serving what runs: nothing to say.
    await new Promise((res) => setTimeout(res, UPDATE_MS * 3));
    expect(hooks("upd")).toEqual([]);

    await build("local", ref, "second");
    const newer = await push(ref, "1");
    const [p] = await waitFor(
      () => (hooks("upd").length ? hooks("upd") : undefined),
      30_000,
      "the image-update alert",
    );
    expect(p?.event).toBe("firing");
    expect(p?.alert).toMatchObject({
      kind: "image-update",
      ruleId: r.id,
      hostId: "edge",
      containerId: first,
      containerName: `${P}-app`,
      details: { image: ref, digest: newer },
    });
    expect(p?.alert.details.running).not.toBe(newer);

    await docker("edge", "pull", ref);
    await docker("edge", "rm", "-f", `${P}-app`);
    const second = await sleeper(`${P}-app`, LABEL, ref);
    await waitFor(
      () => hooks("upd").some((x) => x.event === "resolved" && x.alert.containerId === first) || undefined,
      30_000,
      "the old container's alert resolved",
    );
    await new Promise((res) => setTimeout(res, UPDATE_MS * 3));
    expect(hooks("upd").filter((x) => x.alert.containerId === second)).toEqual([]);
  });

  it("says nothing while the registry is unreachable, and fires once it answers again", async () => {
    const via = await relay();
    const ref = `127.0.0.1:${via.port}/${REPO}:unreach`;
    await build("local", ref, "u1");
    await push(ref, "unreach");
    await docker("edge", "pull", ref);
    await sleeper(`${P}-far`, `far=${P}`, ref);
    await build("local", ref, "u2");
    await push(ref, "unreach");
    const reg = await admin.send<RegistryRecord>("POST", "/api/v1/registries", {
      name: `${P}-far`,
      url: `http://127.0.0.1:${via.port}`,
    });
    expect(reg.status).toBe(201);
    const t = await target("far");
    await via.close();
    await rule({
      name: `${P} far`,
      kind: "image-update",
      scope: { labelSelector: `far=${P}` },
      targets: [t.id],
    });
    await new Promise((res) => setTimeout(res, UPDATE_MS * 4));
    expect(hooks("far")).toEqual([]);

    // The same registry answering again: the update was there all along.
    const back = await relay(via.port);
    try {
      const [p] = await waitFor(
        () => (hooks("far").length ? hooks("far") : undefined),
        30_000,
        "the alert once the registry answers",
      );
      expect(p?.alert).toMatchObject({
        kind: "image-update",
        containerName: `${P}-far`,
        details: { image: ref },
      });
    } finally {
      await back.close();
    }
  });
});

describe("disk figures for Prometheus, and what the probe leaves", () => {
  it("exports wharf_host_disk_* per host, and leaves no probe container once nothing asks", async () => {
    const tok = await admin.send<{ token: string }>("POST", "/api/v1/tokens", {
      name: `${P}-scrape`,
      role: "viewer",
    });
    expect(tok.status).toBe(201);
    const text = await (
      await fetch(`${srv.base}/metrics`, { headers: { authorization: `Bearer ${tok.body.token}` } })
    ).text();
    const o = (await admin.get<Overview>("/api/v1/overview")).body;
    for (const id of ENGINE_IDS) {
      const d = o.hosts.find((h) => h.id === id)?.disk as Known;
      const size = new RegExp(`^wharf_host_disk_size_bytes\\{host="${id}"\\} (\\d+)`, "m").exec(text)?.[1];
      expect(Number(size), id).toBe(d.size);
      expect(text).toMatch(new RegExp(`^wharf_host_disk_free_bytes\\{host="${id}"\\} \\d+`, "m"));
    }
    expect(text).not.toMatch(/wharf_host_disk_\w+\{[^}]*,/);

    const rules = (await admin.get<{ items: Rule[] }>("/api/v1/alerts/rules")).body.items;
    for (const r of rules) await admin.send("DELETE", `/api/v1/alerts/rules/${r.id}`);
    await new Promise((res) => setTimeout(res, DISK_MS * 2));
    for (const id of ["edge", "secure"] as const)
      expect(await docker(id, "ps", "-aq", "--filter", "label=wharf.probe")).toBe("");
  });
});
