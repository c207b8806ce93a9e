import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageList } from "../../lib/images/types";
import {
  RUN_ID,
  docker,
  engineSocket,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

/**
 * Images carry no owner, so Wharf records who brought each one in. A team limited to a label may
 * change only its own images, or images no other team owns or runs; the docker CLI is the judge.
 */
let srv: TestServer;
let admin: Client;
let teamA: Client;
let teamB: Client;
const P = `${RUN_ID}-is`;
const A = `${P}a`;
const B = `${P}b`;
const LABELS = { "wharf.test": P };

type ErrorReply = { error: { code: string; message: string } };

const execFileAsync = promisify(execFile);
let dockerfileDir = "";

const img = (ref: string) => `/api/v1/hosts/local/images/${encodeURIComponent(ref)}`;

async function build(c: Client, tag: string) {
  const r = await c.send<{ id: string }>("POST", "/api/v1/hosts/local/images/build", {
    dockerfile: `FROM local/busybox:1.35\nLABEL run=${tag}\n`,
    tags: [tag],
    labels: LABELS,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id;
}

/** Every tag of this run's images on the local engine, as the CLI sees them. */
const cliTags = async () =>
  (
    await docker(
      "local",
      "images",
      "--format",
      "{{.Repository}}:{{.Tag}}",
      "--filter",
      `label=wharf.test=${P}`,
    )
  )
    .split("\n")
    .filter(Boolean)
    .sort();

beforeAll(async () => {
  dockerfileDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-is-"));
  fs.writeFileSync(path.join(dockerfileDir, "Dockerfile"), `FROM local/busybox:1.35\nLABEL run=${P}-edge\n`);
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  teamA = await userClient(srv.base, admin, {
    username: `${P}-ops-a`,
    role: "operator",
    hosts: ["local"],
    labelSelector: `team=${A}`,
  });
  teamB = await userClient(srv.base, admin, {
    username: `${P}-ops-b`,
    role: "operator",
    hosts: ["local"],
    labelSelector: `team=${B}`,
  });
  await build(teamA, `${P}-a:1`);
  await build(teamB, `${P}-b:1`);
  // Team B runs its own image, and both teams run the shared base image.
  await docker(
    "local",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    `${P}-bc`,
    "--label",
    `team=${B}`,
    `${P}-b:1`,
    "sleep",
    "600",
  );
  await runFixture("local", `${P}-ac`, "local/idle:1", ["--label", `team=${A}`]);
  await runFixture("local", `${P}-bc2`, "local/idle:1", ["--label", `team=${B}`]);
});

afterAll(async () => {
  fs.rmSync(dockerfileDir, { recursive: true, force: true });
  await docker("edge", "rmi", "-f", `${P}-b:1`).catch(() => "");
  await removeByPrefix(P);
  const ids = await docker("local", "images", "-q", "--filter", `label=wharf.test=${P}`).catch(() => "");
  if (ids) await docker("local", "rmi", "-f", ...new Set(ids.split("\n"))).catch(() => "");
  await srv?.stop();
});

describe("images under a label scope", () => {
  it("lists a team its own images and those its containers run, not another team's", async () => {
    const a = await teamA.get<ImageList>("/api/v1/hosts/local/images?updates=0");
    const tagsA = a.body.items.flatMap((i) => i.repoTags);
    expect(tagsA).toContain(`${P}-a:1`);
    expect(tagsA).toContain("local/idle:1");
    expect(tagsA).not.toContain(`${P}-b:1`);
    const across = await teamA.get<ImageList>("/api/v1/images?updates=0");
    expect(across.body.items.flatMap((i) => i.repoTags)).not.toContain(`${P}-b:1`);
    // An unscoped admin sees the host's images as the engine does.
    const all = await admin.get<ImageList>("/api/v1/hosts/local/images?updates=0");
    expect(all.body.items.flatMap((i) => i.repoTags)).toEqual(
      expect.arrayContaining([`${P}-a:1`, `${P}-b:1`]),
    );
  });

  it("answers 404 for another team's image on every image route, exactly as for a missing one", async () => {
    const before = await cliTags();
    const missing = `${P}-nothing:1`;
    for (const ref of [`${P}-b:1`, missing]) {
      const got = await teamA.get<ErrorReply>(img(ref));
      expect(got.status, ref).toBe(404);
      expect(got.body.error.message).toBe(`No such image: ${ref}`);
      expect((await teamA.get(`${img(ref)}/history`)).status).toBe(404);
      expect((await teamA.get(`${img(ref)}/export`)).status).toBe(404);
      expect((await teamA.send("POST", `${img(ref)}/tag`, { repo: `${P}-stolen`, tag: "1" })).status).toBe(
        404,
      );
      expect((await teamA.send("DELETE", `${img(ref)}?force=1`)).status).toBe(404);
      const push = await teamA.send<ErrorReply>("POST", "/api/v1/hosts/local/images/push", { image: ref });
      expect(push.status, JSON.stringify(push.body)).toBe(404);
    }
    expect(await cliTags()).toEqual(before);
    expect(await docker("local", "inspect", "-f", "{{.Config.Image}}", `${P}-bc`)).toBe(`${P}-b:1`);
  });

  it("refuses to tag or force-remove an image another team's containers run, naming the reason", async () => {
    const tag = await teamA.send<ErrorReply>("POST", `${img("local/idle:1")}/tag`, {
      repo: `${P}-idle`,
      tag: "x",
    });
    expect(tag.status).toBe(403);
    expect(tag.body.error.message).toMatch(/^id: local\/idle:1 is shared with containers outside your scope/);
    const rm = await teamA.send<ErrorReply>("DELETE", `${img("local/idle:1")}?force=1`);
    expect(rm.status).toBe(403);
    expect(rm.body.error.message).toMatch(/^id: local\/idle:1 is in use outside your scope/);
    expect(await docker("local", "images", "-q", "local/idle:1")).not.toBe("");
    expect(await docker("local", "images", "-q", `${P}-idle:x`)).toBe("");
  });

  it("refuses to move another team's name onto its own image, by tag or by build", async () => {
    const bId = await docker("local", "images", "-q", "--no-trunc", `${P}-b:1`);
    const tag = await teamA.send<ErrorReply>("POST", `${img(`${P}-a:1`)}/tag`, { repo: `${P}-b`, tag: "1" });
    expect(tag.status).toBe(409);
    expect(tag.body.error.message).toBe(
      `repo: ${P}-b:1 already names an image outside your scope; choose another name`,
    );
    const built = await teamA.send<ErrorReply>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: `FROM local/busybox:1.35\nLABEL run=${P}-steal\n`,
      tags: [`${P}-ok:1`, `${P}-b:1`],
      labels: LABELS,
    });
    expect(built.status).toBe(409);
    expect(built.body.error.message).toMatch(/^tags\[1\]: /);
    expect(await docker("local", "images", "-q", "--no-trunc", `${P}-b:1`)).toBe(bId);
    expect(await docker("local", "images", "-q", `${P}-ok:1`)).toBe("");
    expect(await docker("local", "inspect", "-f", "{{.Config.Image}}", `${P}-bc`)).toBe(`${P}-b:1`);
  });

  it("gives another team's name back after a load that took it, and answers 409", async () => {
    const bId = await docker("local", "images", "-q", "--no-trunc", `${P}-b:1`);
    // The same name, other content, made on another engine and saved to a tar.
    await docker("edge", "build", "-q", "-t", `${P}-b:1`, "--label", `wharf.test=${P}`, dockerfileDir);
    const { stdout: tar } = await execFileAsync(
      "docker",
      ["-H", `unix://${engineSocket("edge")}`, "save", `${P}-b:1`],
      { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
    );
    await docker("edge", "rmi", "-f", `${P}-b:1`);
    const r = await fetch(`${srv.base}/api/v1/hosts/local/images/load`, {
      method: "POST",
      headers: { cookie: teamA.cookie, "x-wharf-csrf": "1", "content-type": "application/x-tar" },
      body: new Uint8Array(tar),
    });
    const reply = (await r.json()) as ErrorReply;
    expect(r.status, JSON.stringify(reply)).toBe(409);
    expect(reply.error.message).toMatch(
      new RegExp(`^body: the tar names ${P}-b:1, which already name images outside`),
    );
    expect(await docker("local", "images", "-q", "--no-trunc", `${P}-b:1`)).toBe(bId);
    expect(await docker("local", "inspect", "-f", "{{.Config.Image}}", `${P}-bc`)).toBe(`${P}-b:1`);
  });

  it("lets a team tag and remove its own image, and records the new tag as its own", async () => {
    const tagged = await teamA.send("POST", `${img(`${P}-a:1`)}/tag`, { repo: `${P}-a`, tag: "2" });
    expect(tagged.status).toBe(201);
    expect(await cliTags()).toContain(`${P}-a:2`);
    const seenByB = await teamB.get<ImageList>("/api/v1/hosts/local/images?updates=0");
    expect(seenByB.body.items.flatMap((i) => i.repoTags)).not.toContain(`${P}-a:2`);
    expect((await teamA.send("DELETE", img(`${P}-a:2`))).status).toBe(200);
    expect(await cliTags()).not.toContain(`${P}-a:2`);
    expect(await cliTags()).toContain(`${P}-a:1`);
  });

  it("prunes only the team's own unused images, whatever else is unused on the host", async () => {
    await build(teamA, `${P}-a-spare:1`);
    await build(teamB, `${P}-b-spare:1`);
    const r = await teamA.send<{ deleted: string[]; spaceReclaimed: number }>(
      "POST",
      "/api/v1/hosts/local/images/prune",
      { all: true, labels: [`wharf.test=${P}`] },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deleted.length).toBeGreaterThan(0);
    const left = await cliTags();
    expect(left).not.toContain(`${P}-a-spare:1`);
    expect(left).not.toContain(`${P}-a:1`);
    expect(left).toEqual(expect.arrayContaining([`${P}-b-spare:1`, `${P}-b:1`]));
  });

  it("keeps image jobs to the team that started them", async () => {
    const { connectSocket } = await import("./harness");
    const sa = await connectSocket(srv.base, teamA.cookie);
    try {
      const jobId = `${P}-jobb`.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 60);
      const built = await teamB.send("POST", "/api/v1/hosts/local/images/build", {
        dockerfile: `FROM local/busybox:1.35\nLABEL run=${P}-job\n`,
        tags: [`${P}-job:1`],
        labels: LABELS,
        jobId,
      });
      expect(built.status).toBe(200);
      const watched = (await sa.timeout(5000).emitWithAck("jobs:watch", {})) as {
        ok: boolean;
        data: { jobs: { jobId: string }[] };
      };
      expect(watched.ok).toBe(true);
      expect(watched.data.jobs.map((j) => j.jobId)).not.toContain(jobId);
      const cancel = (await sa.timeout(5000).emitWithAck("job:cancel", { jobId })) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(cancel.error?.code).toBe("NOT_FOUND");
    } finally {
      sa.close();
    }
  });
});
