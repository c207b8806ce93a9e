import { execFile } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asError, type Result } from "../../lib/errors";
import type { ImageList, ImageUpdateStatus, JobUpdate } from "../../lib/images/types";
import type { RegistryPage, RegistryRecord } from "../../lib/types";
import {
  RUN_ID,
  connectSocket,
  docker,
  engineSocket,
  login,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

const REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
const AUTH_REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_AUTH_PORT ?? "5001"}`;
const REPO = `${REGISTRY}/wharf-it/images`;
const LABEL = `wharf.test=${RUN_ID}`;
const TAGS = { source: `${RUN_ID}-src`, pushed: `${RUN_ID}-pushed`, upd: `${RUN_ID}-upd` };

let srv: TestServer;
let admin: Client;
let plain: RegistryRecord;

interface ErrorReply {
  error: { code: string; message: string };
}

const enc = encodeURIComponent;

async function buildUnique(tag: string, marker: string): Promise<void> {
  const dockerfile = `FROM local/busybox:1.35\nRUN echo ${RUN_ID}-${marker} > /id\n`;
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

async function deleteRegistryTag(tag: string): Promise<void> {
  const head = await fetch(`http://${REGISTRY}/v2/wharf-it/images/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
  });
  const digest = head.headers.get("docker-content-digest");
  if (digest) await fetch(`http://${REGISTRY}/v2/wharf-it/images/manifests/${digest}`, { method: "DELETE" });
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const updatesOf = async (hostId: string, refresh = false) =>
  (
    await admin.get<{ items: ImageUpdateStatus[] }>(
      `/api/v1/hosts/${hostId}/images/updates${refresh ? "?refresh=1" : ""}`,
    )
  ).body.items;

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  const r = await admin.send<RegistryRecord>("POST", "/api/v1/registries", {
    name: `${RUN_ID}-plain`,
    url: `http://${REGISTRY}`,
  });
  plain = r.body;
  await buildUnique(`${REPO}:${TAGS.source}`, "source");
}, 120_000);

afterAll(async () => {
  for (const e of ["local", "edge"] as const) {
    const refs = (
      await docker(e, "images", "--filter", `label=${LABEL}`, "--format", "{{.Repository}}:{{.Tag}}").catch(
        () => "",
      )
    )
      .split("\n")
      .filter((r) => r && !r.includes("<none>"));
    if (refs.length) await docker(e, "rmi", "-f", ...refs).catch(() => "");
    await docker(e, "image", "prune", "-f", "--filter", `label=${LABEL}`).catch(() => "");
  }
  await docker("edge", "rmi", `${AUTH_REGISTRY}/busybox:1.35`).catch(() => "");
  for (const t of Object.values(TAGS)) await deleteRegistryTag(t);
  await srv?.stop();
});

describe("registry credentials", () => {
  it("pulls from the htpasswd registry with the stored password, and fails plainly without it", async () => {
    const image = `${AUTH_REGISTRY}/busybox:1.35`;
    await docker("edge", "rmi", image).catch(() => "");
    const refused = await admin.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", { image });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/no basic auth credentials|unauthorized/);

    const added = await admin.send<RegistryRecord>("POST", "/api/v1/registries", {
      name: `${RUN_ID}-auth`,
      url: `http://${AUTH_REGISTRY}`,
      username: "wharf",
      password: "wharf-registry-pw",
    });
    expect(added.status).toBe(201);
    const pulled = await admin.send<{ id: string }>("POST", "/api/v1/hosts/edge/images/pull", { image });
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    expect(await docker("edge", "images", "--format", "{{.Repository}}:{{.Tag}}", image)).toBe(image);

    // By id, a bare name is placed on that registry.
    await docker("edge", "rmi", image);
    const byId = await admin.send<{ id: string }>("POST", "/api/v1/hosts/edge/images/pull", {
      image: "busybox:1.35",
      registryId: added.body.id,
    });
    expect(byId.status, JSON.stringify(byId.body)).toBe(200);
    expect(await docker("edge", "images", "-q", image)).not.toBe("");
    // Credentials for one registry never go to another.
    const other = await admin.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", {
      image: `${REGISTRY}/busybox:1.35`,
      registryId: added.body.id,
    });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/^image: /);
  });

  it("answers 502 with the engine's message for a registry on a closed port", async () => {
    const port = await closedPort();
    await admin.send("POST", "/api/v1/registries", {
      name: `${RUN_ID}-closed`,
      url: `http://127.0.0.1:${port}`,
    });
    const r = await admin.send<ErrorReply>("POST", "/api/v1/hosts/edge/images/pull", {
      image: `127.0.0.1:${port}/wharf-it/none:1`,
    });
    expect(r.status).toBe(502);
    expect(r.body.error.message).toMatch(/connection refused/);

    // The update check of a tag on that registry is an "error" state, not a failed list.
    const tagged = `127.0.0.1:${port}/wharf-it/images:${RUN_ID}`;
    const t = await admin.send("POST", `/api/v1/hosts/local/images/${enc(`${REPO}:${TAGS.source}`)}/tag`, {
      repo: tagged.split(":").slice(0, 2).join(":"),
      tag: RUN_ID,
    });
    expect(t.status).toBe(201);
    const list = await admin.get<ImageList>(`/api/v1/hosts/local/images?q=${enc(tagged)}`);
    expect(list.status).toBe(200);
    const update = list.body.items[0]?.update;
    expect(update?.ref).toBe(tagged);
    expect(update?.state).toBe("error");
    expect(update?.message).toMatch(/unreachable|refused/);
    await docker("local", "rmi", tagged);
  });
});

describe("pushing", () => {
  it("pushes a tag with per-layer progress, and the registry lists it", async () => {
    const image = `${REPO}:${TAGS.pushed}`;
    const tagged = await admin.send(
      "POST",
      `/api/v1/hosts/local/images/${enc(`${REPO}:${TAGS.source}`)}/tag`,
      {
        repo: REPO,
        tag: TAGS.pushed,
      },
    );
    expect(tagged.status).toBe(201);
    const s = await connectSocket(srv.base, admin.cookie);
    const updates: JobUpdate[] = [];
    s.on("job:update", (u) => updates.push(u));
    try {
      const w = (await s.timeout(5000).emitWithAck("jobs:watch", { hostId: "local" })) as Result<unknown>;
      expect(w.ok).toBe(true);
      const r = await admin.send<{ id: string; jobId: string }>("POST", "/api/v1/hosts/local/images/push", {
        image,
        registryId: plain.id,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.id).toMatch(/^sha256:/);
      const last = await waitFor(
        () => updates.find((u) => u.jobId === r.body.jobId && u.state === "done"),
        5000,
        "the push to end",
      );
      expect(last.kind).toBe("push");
      expect(last.layers.length).toBeGreaterThanOrEqual(2);
      expect(last.layers.every((l) => l.phase === "done" || l.phase === "exists")).toBe(true);
      expect(last.layers.some((l) => l.phase === "done")).toBe(true);
    } finally {
      s.close();
    }
    const tags = await admin.get<RegistryPage>(
      `/api/v1/registries/${plain.id}/repositories/${enc("wharf-it/images")}/tags`,
    );
    expect(tags.body.items).toContain(TAGS.pushed);
    const audit = await admin.get<{ items: { action: string; target?: string }[] }>(
      "/api/v1/audit?action=image.push",
    );
    expect(audit.body.items[0]).toMatchObject({ action: "image.push", target: image });
  });
});

describe("the update indicator", () => {
  it("goes current, then available after the registry's tag moves, then current after a pull", async () => {
    const ref = `${REPO}:${TAGS.upd}`;
    await docker("local", "tag", `${REPO}:${TAGS.source}`, ref);
    await docker("local", "push", ref);
    const first = await admin.send<{ id: string }>("POST", "/api/v1/hosts/edge/images/pull", { image: ref });
    expect(first.status).toBe(200);
    const current = (await updatesOf("edge")).find((u) => u.ref === ref);
    expect(current).toMatchObject({ state: "current", registryId: plain.id, imageId: first.body.id });
    expect(current?.localDigest).toBe(current?.remoteDigest);

    // Another image under the same tag, pushed behind Wharf's back.
    await buildUnique(ref, "moved");
    await docker("local", "push", ref);
    const available = (await updatesOf("edge", true)).find((u) => u.ref === ref);
    expect(available?.state).toBe("available");
    expect(available?.remoteDigest).not.toBe(available?.localDigest);
    const listed = await admin.get<ImageList>(`/api/v1/hosts/edge/images?q=${enc(ref)}`);
    expect(listed.body.items[0]?.update?.state).toBe("available");

    const second = await admin.send<{ id: string }>("POST", "/api/v1/hosts/edge/images/pull", { image: ref });
    expect(second.status).toBe(200);
    expect(second.body.id).not.toBe(first.body.id);
    // The pull through Wharf dropped the cached answer: no refresh needed.
    expect((await updatesOf("edge")).find((u) => u.ref === ref)?.state).toBe("current");
  });

  it("calls tags of unconfigured registries untracked by leaving them out", async () => {
    const items = await updatesOf("local");
    expect(items.some((u) => u.ref.startsWith("local/"))).toBe(false);
  });
});
