import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asError, type Result } from "../../lib/errors";
import type { EngineObjectEvent } from "../../lib/realtime/events";
import type {
  HostResult,
  ImageDetail,
  ImageLayer,
  ImageList,
  JobSnapshot,
  JobUpdate,
} from "../../lib/images/types";
import type { AuditEntry } from "../../lib/types";
import {
  ENGINE_IDS,
  PODMAN_ID,
  RUN_ID,
  SHARED_HOSTS,
  connectSocket,
  docker,
  engineSocket,
  hostsWithPodman,
  login,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type CliEngine,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

const REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
/** One test repository in the shared registry; each run adds its own tags and deletes them after. */
const REPO = `${REGISTRY}/wharf-it/images`;
const REF = `${REPO}:${RUN_ID}-a`;
const LABEL = `wharf.test=${RUN_ID}`;

let srv: TestServer;
let admin: Client;
let viewer: Client;
let slow: SlowRegistry;

interface ErrorReply {
  error: { code: string; message: string };
}

const enc = encodeURIComponent;

/** Builds an image with a layer of random bytes (so a pull really downloads) on the local engine. */
async function buildUnique(tag: string, bytes: number): Promise<void> {
  const dockerfile = `FROM local/busybox:1.35\nRUN head -c ${bytes} /dev/urandom > /blob && echo ${RUN_ID} > /id\n`;
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      "docker",
      ["-H", `unix://${engineSocket("local")}`, "build", "-q", "--label", LABEL, "-t", tag, "-"],
      { env: { ...process.env, DOCKER_BUILDKIT: "0" } },
      (err) => (err ? reject(asError(err)) : resolve()),
    );
    child.stdin?.end(dockerfile);
  });
}

interface SlowRegistry {
  port: number;
  /** Blob downloads whose client hung up before the end. */
  abortedBlobs: number;
  close(): Promise<void>;
}

/** A loopback proxy to the registry that trickles blobs, so a pull lasts long enough to watch and cancel. */
function slowRegistry(upstream: number, bytesPerTick = 32 * 1024, tickMs = 50): Promise<SlowRegistry> {
  const state = { abortedBlobs: 0 };
  const server = http.createServer((req, res) => {
    const up = http.request(
      { host: "127.0.0.1", port: upstream, method: req.method, path: req.url, headers: req.headers },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        const isBlob = req.method === "GET" && /\/blobs\/sha256:/.test(req.url ?? "");
        if (!isBlob) {
          ur.pipe(res);
          return;
        }
        ur.on("data", (chunk: Buffer) => {
          ur.pause();
          let at = 0;
          const tick = () => {
            if (res.destroyed) return;
            res.write(chunk.subarray(at, at + bytesPerTick));
            at += bytesPerTick;
            if (at < chunk.length) setTimeout(tick, tickMs);
            else ur.resume();
          };
          tick();
        });
        ur.on("end", () => res.end());
        res.on("close", () => {
          if (!res.writableFinished) {
            state.abortedBlobs++;
            ur.destroy();
          }
        });
      },
    );
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        get abortedBlobs() {
          return state.abortedBlobs;
        },
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

async function deleteRegistryTag(repoPath: string, tag: string): Promise<void> {
  const head = await fetch(`http://${REGISTRY}/v2/${repoPath}/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
  });
  const digest = head.headers.get("docker-content-digest");
  if (digest) await fetch(`http://${REGISTRY}/v2/${repoPath}/manifests/${digest}`, { method: "DELETE" });
}

const rmi = (engine: CliEngine, ...refs: string[]) => docker(engine, "rmi", "-f", ...refs).catch(() => "");

function collectUpdates(s: TestSocket): JobUpdate[] {
  const got: JobUpdate[] = [];
  s.on("job:update", (u) => got.push(u));
  return got;
}

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, [...ENGINE_IDS, PODMAN_ID]);
  viewer = await userClient(srv.base, admin, { username: `${RUN_ID}-im-viewer`, role: "viewer" });
  await buildUnique(REF, 2_000_000);
  await docker("local", "push", REF);
  slow = await slowRegistry(Number(REGISTRY.split(":")[1]));
}, 120_000);

afterAll(async () => {
  await slow?.close();
  for (const e of ["local", "edge", "secure", PODMAN_ID] as const) {
    const refs = (
      await docker(e, "images", "--filter", `label=${LABEL}`, "--format", "{{.Repository}}:{{.Tag}}").catch(
        () => "",
      )
    )
      .split("\n")
      .filter((r) => r && !r.includes("<none>"));
    if (refs.length) await rmi(e, ...refs);
    await docker(e, "image", "prune", "-f", "--filter", `label=${LABEL}`).catch(() => "");
  }
  await deleteRegistryTag("wharf-it/images", `${RUN_ID}-a`);
  await srv?.stop();
});

describe.each(SHARED_HOSTS)("listing and inspecting on %s", (host) => {
  beforeAll(async () => {
    // The image is built on local and pushed; other hosts pull it from the loopback registry.
    if (host !== "local") await docker(host, "pull", "-q", REF);
  });

  it("lists a host's images with sizes, container counts and flags, and filters them", async () => {
    const r = await viewer.get<ImageList>(`/api/v1/hosts/${host}/images?q=${enc(`${RUN_ID}-a`)}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    const img = r.body.items[0];
    expect(img).toMatchObject({
      hostId: host,
      repoTags: [REF],
      dangling: false,
      unused: true,
      containers: 0,
    });
    expect(img?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(img?.size).toBeGreaterThan(2_000_000);
    // Podman reports no shared sizes (docs/podman.md, quirk df-layers).
    if (host === PODMAN_ID) expect(img?.sharedSize).toBe(0);
    else expect(img?.sharedSize).toBeGreaterThan(0);
    expect(img?.created).toBeGreaterThan(Date.UTC(2020, 0));
    expect(img?.labels["wharf.test"]).toBe(RUN_ID);

    const fixtures = await viewer.get<ImageList>(`/api/v1/hosts/${host}/images?q=local%2F&sort=name&dir=asc`);
    const names = fixtures.body.items.map((i) => i.repoTags[0]);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["local/busybox:1.35", "local/idle:1", "local/ticker:1"]));

    const dangling = await viewer.get<ImageList>(`/api/v1/hosts/${host}/images?dangling=1`);
    expect(dangling.body.items.every((i) => i.dangling && i.repoTags.length === 0)).toBe(true);
    const unused = await viewer.get<ImageList>(`/api/v1/hosts/${host}/images?unused=1`);
    expect(unused.body.items.every((i) => i.unused && i.containers === 0)).toBe(true);
    const bad = await viewer.get<ErrorReply>(`/api/v1/hosts/${host}/images?sort=colour`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.sort/);
  });

  it("inspects an image by encoded reference, by id prefix, and lists its layers", async () => {
    const byRef = await viewer.get<ImageDetail>(`/api/v1/hosts/${host}/images/${enc(REF)}`);
    expect(byRef.status).toBe(200);
    expect(byRef.body).toMatchObject({ hostId: host, repoTags: [REF], os: "linux" });
    expect(byRef.body.config.labels["wharf.test"]).toBe(RUN_ID);
    expect(byRef.body.usedBy).toEqual([]);
    const byId = await viewer.get<ImageDetail>(`/api/v1/hosts/${host}/images/${byRef.body.id.slice(7, 19)}`);
    expect(byId.body.id).toBe(byRef.body.id);
    const history = await viewer.get<{ items: ImageLayer[] }>(
      `/api/v1/hosts/${host}/images/${enc(REF)}/history`,
    );
    expect(history.status).toBe(200);
    const layer = history.body.items.find((l) => l.createdBy.includes("urandom"));
    expect(layer?.size).toBeGreaterThan(1_900_000);
    expect(layer?.empty).toBe(false);
    // The build's LABEL step changed no files.
    expect(history.body.items.find((l) => l.createdBy.includes("LABEL"))?.empty).toBe(true);
  });

  it("answers 404 for an unknown image and 400 for a malformed one", async () => {
    const unknown = await viewer.get<ErrorReply>(`/api/v1/hosts/${host}/images/${enc("wharf-it/none:1")}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/No such image/);
    const bad = await viewer.get<ErrorReply>(`/api/v1/hosts/${host}/images/${enc("UPPER/case")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^id: /);
  });
});

describe("listing and inspecting", () => {
  it("tells the browser when an image is tagged or untagged outside Wharf", async () => {
    const s = await connectSocket(srv.base, viewer.cookie);
    const seen: EngineObjectEvent[] = [];
    s.on("engine:event", (e) => seen.push(e));
    const alias = `${RUN_ID}-evt:1`;
    try {
      await docker("local", "tag", REF, alias);
      await docker("local", "rmi", alias);
      const mine = () => seen.filter((e) => e.type === "image" && e.hostId === "local");
      await waitFor(
        () => (mine().some((e) => e.action === "untag") ? true : undefined),
        5000,
        "the untag event",
      );
      expect(mine().map((e) => e.action)).toEqual(expect.arrayContaining(["tag", "untag"]));
    } finally {
      s.disconnect();
    }
  });

  it("lists every host's images at once, each with its host", async () => {
    const r = await viewer.get<ImageList>("/api/v1/images?q=local%2Fbusybox");
    expect(r.status).toBe(200);
    expect(new Set(r.body.items.map((i) => i.hostId))).toEqual(
      new Set(["local", "edge", "secure", "podman"]),
    );
    expect(r.body.errors).toEqual([]);
  });

  it("names the containers using an image on every host", async () => {
    const name = `${RUN_ID}-im-user`;
    await docker("edge", "run", "-d", "--network", "none", "--name", name, "local/idle:1");
    try {
      const r = await viewer.get<ImageDetail>(`/api/v1/hosts/local/images/${enc("local/idle:1")}`);
      expect(r.body.usedBy).toEqual(
        expect.arrayContaining([expect.objectContaining({ hostId: "edge", name })]),
      );
      const list = await viewer.get<ImageList>(`/api/v1/hosts/edge/images?q=${enc("local/idle:1")}`);
      expect(list.body.items[0]?.containers).toBeGreaterThanOrEqual(1);
      expect(list.body.items[0]?.unused).toBe(false);
    } finally {
      await docker("edge", "rm", "-f", name);
    }
  });
});

describe("pulling", () => {
  it("pulls onto edge, streams layer progress to a watcher, and records the pull in the audit log", async () => {
    await rmi("edge", REF);
    const s = await connectSocket(srv.base, viewer.cookie);
    try {
      const watched = (await s.timeout(5000).emitWithAck("jobs:watch", { hostId: "edge" })) as Result<{
        jobs: JobSnapshot[];
      }>;
      expect(watched.ok).toBe(true);
      const updates = collectUpdates(s);
      const r = await admin.send<{ id: string; jobId: string }>("POST", "/api/v1/hosts/edge/images/pull", {
        image: REF,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.id).toMatch(/^sha256:/);
      expect(await docker("edge", "images", "--format", "{{.Repository}}:{{.Tag}}", REF)).toBe(REF);
      await waitFor(
        () => updates.find((u) => u.jobId === r.body.jobId && u.state === "done"),
        5000,
        "the final update",
      );
      const mine = updates.filter((u) => u.jobId === r.body.jobId);
      const layerIds = new Set(mine.flatMap((u) => u.layers.map((l) => l.id)));
      expect([...layerIds].every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
      expect(layerIds.size).toBeGreaterThanOrEqual(2);
      expect(mine.some((u) => u.layers.some((l) => l.phase === "exists"))).toBe(true);
      const last = mine.at(-1);
      expect(last).toMatchObject({
        kind: "pull",
        hostId: "edge",
        ref: REF,
        state: "done",
        imageId: r.body.id,
        user: "admin",
      });
      expect(last?.layers.every((l) => l.phase === "done" || l.phase === "exists")).toBe(true);
    } finally {
      s.close();
    }
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=image.pull");
    expect(audit.body.items[0]).toMatchObject({
      action: "image.pull",
      hostId: "edge",
      target: REF,
      result: "ok",
    });
  });

  it("lets a viewer watch but not pull", async () => {
    const r = await viewer.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", { image: REF });
    expect(r.status).toBe(403);
  });

  it("joins a second pull of the same reference, and cancel stops the engine's download", async () => {
    const ref = `127.0.0.1:${slow.port}/wharf-it/images:${RUN_ID}-a`;
    await rmi("secure", ref);
    const s = await connectSocket(srv.base, admin.cookie);
    try {
      await s.timeout(5000).emitWithAck("jobs:watch", {});
      const updates = collectUpdates(s);
      const first = admin.send<ErrorReply>("POST", "/api/v1/hosts/secure/images/pull", {
        image: ref,
        jobId: `${RUN_ID}-cancel`,
      });
      const downloading = await waitFor(
        () =>
          updates.find(
            (u) => u.jobId === `${RUN_ID}-cancel` && u.layers.some((l) => l.phase === "downloading"),
          ),
        20_000,
        "a downloading layer",
      );
      expect(downloading.state).toBe("running");
      const second = admin.send<ErrorReply & { jobId?: string }>("POST", "/api/v1/hosts/secure/images/pull", {
        image: ref,
      });
      // A late watcher sees the running job in its snapshot.
      const late = await connectSocket(srv.base, viewer.cookie);
      const snap = (await late.timeout(5000).emitWithAck("jobs:watch", { hostId: "secure" })) as Result<{
        jobs: JobSnapshot[];
      }>;
      late.close();
      expect(snap.ok && snap.data.jobs.find((j) => j.jobId === `${RUN_ID}-cancel`)?.state).toBe("running");

      const viewerSocket = await connectSocket(srv.base, viewer.cookie);
      const denied = (await viewerSocket
        .timeout(5000)
        .emitWithAck("job:cancel", { jobId: `${RUN_ID}-cancel` })) as Result<null>;
      viewerSocket.close();
      expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
      const cancelled = (await s
        .timeout(5000)
        .emitWithAck("job:cancel", { jobId: `${RUN_ID}-cancel` })) as Result<null>;
      expect(cancelled.ok).toBe(true);

      const [a, b] = await Promise.all([first, second]);
      expect(a.status).toBe(409);
      expect(a.body.error.message).toMatch(/cancelled by admin/);
      // The second request joined the first job, so it ends the same way.
      expect(b.status).toBe(409);
      await waitFor(
        () => updates.find((u) => u.jobId === `${RUN_ID}-cancel` && u.state === "cancelled"),
        5000,
        "cancelled",
      );
      // The engine hung up on the registry mid-blob and has no image.
      await waitFor(() => slow.abortedBlobs > 0 || undefined, 10_000, "the engine to drop its blob download");
      await expect(docker("secure", "image", "inspect", ref)).rejects.toThrow(/No such image/);
    } finally {
      s.close();
    }
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=job.cancel");
    expect(audit.body.items[0]).toMatchObject({ hostId: "secure", target: ref, result: "ok" });
  });

  it("pulls on several hosts at once, with a result per host", async () => {
    const r = await admin.send<{ items: HostResult<{ id: string }>[] }>("POST", "/api/v1/images/pull", {
      image: REF,
      hosts: ["edge", "secure", "nope"],
    });
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.items.map((i) => [i.hostId, i]));
    expect(by.edge).toMatchObject({ ok: true });
    expect(by.secure).toMatchObject({ ok: true });
    expect(by.secure?.data?.id).toBe(by.edge?.data?.id);
    expect(by.nope).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await docker("secure", "images", "-q", REF)).not.toBe("");
  });

  it.each([
    ["UPPER/case", /lowercase/],
    ["a::b", /invalid/],
    ["x".repeat(300), /at most 255/],
    ["", /required/],
  ])("refuses the reference %j with a 400 naming image", async (image, reason) => {
    const r = await admin.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", { image });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^image: /);
    expect(r.body.error.message).toMatch(reason);
  });

  it("answers 404 for an image the registry does not have", async () => {
    const r = await admin.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", {
      image: `${REPO}:${RUN_ID}-never-pushed`,
    });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(/manifest unknown|not found/);
  });
});

describe("Docker Hub search", () => {
  it("answers 502 naming the cause when the Hub is unreachable", async () => {
    const r = await viewer.get<ErrorReply>("/api/v1/hosts/edge/images/search?term=busybox");
    expect(r.status).toBe(502);
    expect(r.body.error.message).toMatch(/Docker Hub/);
    expect(r.body.error.message.length).toBeGreaterThan(30);
    const missing = await viewer.get<ErrorReply>("/api/v1/hosts/edge/images/search");
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^query\.term/);
  });
});

describe("scope", () => {
  it("keeps hosts outside a user's scope out of lists, details and job updates", async () => {
    const scoped = await userClient(srv.base, admin, {
      username: `${RUN_ID}-im-local`,
      role: "operator",
      hosts: ["local"],
    });
    expect((await scoped.get<ErrorReply>("/api/v1/hosts/edge/images")).status).toBe(404);
    expect((await scoped.get<ErrorReply>(`/api/v1/hosts/edge/images/${enc(REF)}`)).status).toBe(404);
    const all = await scoped.get<ImageList>("/api/v1/images?q=local%2Fbusybox");
    expect(all.body.items.map((i) => i.hostId)).toEqual(["local"]);

    const mine = await connectSocket(srv.base, scoped.cookie);
    const theirs = await connectSocket(srv.base, admin.cookie);
    try {
      const refused = (await mine
        .timeout(5000)
        .emitWithAck("jobs:watch", { hostId: "edge" })) as Result<unknown>;
      expect(!refused.ok && refused.error.code).toBe("NOT_FOUND");
      await mine.timeout(5000).emitWithAck("jobs:watch", {});
      await theirs.timeout(5000).emitWithAck("jobs:watch", {});
      const seenByScoped = collectUpdates(mine);
      const seenByAdmin = collectUpdates(theirs);
      const r = await admin.send<{ jobId: string }>("POST", "/api/v1/hosts/edge/images/pull", { image: REF });
      expect(r.status).toBe(200);
      await waitFor(
        () => seenByAdmin.find((u) => u.jobId === r.body.jobId && u.state === "done"),
        5000,
        "the admin's update",
      );
      expect(seenByScoped.filter((u) => u.hostId === "edge")).toEqual([]);
      const cancel = (await mine
        .timeout(5000)
        .emitWithAck("job:cancel", { jobId: r.body.jobId })) as Result<null>;
      expect(!cancel.ok && cancel.error.code).toBe("NOT_FOUND");
    } finally {
      mine.close();
      theirs.close();
    }
  });
});

describe("label scope", () => {
  it("names only the containers inside a user's label scope as an image's users", async () => {
    const inside = `${RUN_ID}-im-in`;
    const outside = `${RUN_ID}-im-out`;
    await docker("edge", "create", "--network", "none", "--name", inside, "--label", LABEL, "local/idle:1");
    await docker("edge", "create", "--network", "none", "--name", outside, "local/idle:1");
    try {
      const team = await userClient(srv.base, admin, {
        username: `${RUN_ID}-im-team`,
        role: "viewer",
        labelSelector: LABEL,
      });
      const seen = await team.get<ImageDetail>(`/api/v1/hosts/edge/images/${enc("local/idle:1")}`);
      const names = seen.body.usedBy.map((u) => u.name);
      expect(names).toContain(inside);
      expect(names).not.toContain(outside);
      const all = await admin.get<ImageDetail>(`/api/v1/hosts/edge/images/${enc("local/idle:1")}`);
      expect(all.body.usedBy.map((u) => u.name)).toEqual(expect.arrayContaining([inside, outside]));
    } finally {
      await docker("edge", "rm", "-f", inside, outside);
    }
  });
});
