import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { ImageList, JobSnapshot, JobUpdate, PruneResult } from "../../lib/images/types";
import type { AuditEntry } from "../../lib/types";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

const LABEL = `wharf.test=${RUN_ID}`;
const LABELS = { "wharf.test": RUN_ID };
const NAME = `wharf-it-build-${RUN_ID}`;

let srv: TestServer;
let admin: Client;
let tmp: string;

interface ErrorReply {
  error: { code: string; message: string };
}

const enc = encodeURIComponent;

/** Sends a raw body (a build context or an image tar) as the UI's upload does. */
async function sendRaw<T>(p: string, body: Buffer, type: string): Promise<{ status: number; body: T }> {
  const r = await fetch(srv.base + p, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-wharf-csrf": "1", "content-type": type },
    body: new Uint8Array(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

const run = (image: string) => docker("local", "run", "--rm", "--network", "none", image);

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-build-"));
  fs.mkdirSync(path.join(tmp, "ctx/conf"), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, "ctx/Dockerfile"),
    'FROM local/busybox:1.35\nCOPY conf/msg.txt /msg.txt\nCMD ["cat", "/msg.txt"]\n',
  );
}, 60_000);

afterAll(async () => {
  await docker("local", "rm", "-f", `${RUN_ID}-user`).catch(() => "");
  const refs = (
    await docker(
      "local",
      "images",
      "--filter",
      `label=${LABEL}`,
      "--format",
      "{{.Repository}}:{{.Tag}}",
    ).catch(() => "")
  )
    .split("\n")
    .filter((r) => r && !r.includes("<none>"));
  if (refs.length) await docker("local", "rmi", "-f", ...refs).catch(() => "");
  await docker("local", "image", "prune", "-f", "--filter", `label=${LABEL}`).catch(() => "");
  fs.rmSync(tmp, { recursive: true, force: true });
  await srv?.stop();
});

describe("building", () => {
  it("builds a pasted two-line Dockerfile, streams its log, and the result runs", async () => {
    const s = await connectSocket(srv.base, admin.cookie);
    const updates: JobUpdate[] = [];
    s.on("job:update", (u) => updates.push(u));
    try {
      const w = (await s.timeout(5000).emitWithAck("jobs:watch", { hostId: "local" })) as Result<unknown>;
      expect(w.ok).toBe(true);
      const r = await admin.send<{ id: string; tags: string[]; jobId: string }>(
        "POST",
        "/api/v1/hosts/local/images/build",
        {
          dockerfile: `FROM local/busybox:1.35\nCMD ["echo", "hello from ${RUN_ID}"]\n`,
          tags: [`${NAME}:pasted`],
          labels: LABELS,
          jobId: `${RUN_ID}-build`,
        },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ tags: [`${NAME}:pasted`], jobId: `${RUN_ID}-build` });
      expect(r.body.id).toMatch(/^sha256:/);
      await waitFor(
        () => updates.find((u) => u.jobId === `${RUN_ID}-build` && u.state === "done"),
        5000,
        "the build's end",
      );
      const log = updates.filter((u) => u.jobId === `${RUN_ID}-build`).flatMap((u) => u.log);
      expect(log[0]).toBe("Step 1/3 : FROM local/busybox:1.35");
      expect(log).toContain(`Successfully tagged ${NAME}:pasted`);
      // Each line arrives once: the updates add up to the job's whole log.
      const again = (await s.timeout(5000).emitWithAck("jobs:watch", { hostId: "local" })) as Result<{
        jobs: JobSnapshot[];
      }>;
      expect(again.ok && again.data.jobs.find((j) => j.jobId === `${RUN_ID}-build`)?.log).toEqual(log);
    } finally {
      s.close();
    }
    expect(await run(`${NAME}:pasted`)).toBe(`hello from ${RUN_ID}`);
  });

  it("answers a failing build with the engine's message", async () => {
    const r = await admin.send<ErrorReply>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: "FROM local/busybox:1.35\nRUN exit 3\n",
      tags: [`${NAME}:broken`],
      labels: LABELS,
    });
    expect(r.status).toBe(502);
    expect(r.body.error.message).toMatch(/returned a non-zero code: 3/);
    const parse = await admin.send<ErrorReply>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: "FROMM local/busybox:1.35\n",
      tags: [`${NAME}:broken`],
    });
    expect(parse.status).toBeGreaterThanOrEqual(400);
    expect(parse.body.error.message).toMatch(/unknown instruction/i);
    const bad = await admin.send<ErrorReply>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: "FROM x",
      tags: ["Bad:Tag:x"],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^tags\.0: /);
  });

  it("cancels a build: the engine stops the step and removes its container", async () => {
    const jobId = `${RUN_ID}-build-cancel`;
    const s = await connectSocket(srv.base, admin.cookie);
    const updates: JobUpdate[] = [];
    s.on("job:update", (u) => updates.push(u));
    try {
      await s.timeout(5000).emitWithAck("jobs:watch", { hostId: "local" });
      const pending = admin.send<ErrorReply>("POST", "/api/v1/hosts/local/images/build", {
        dockerfile: `FROM local/busybox:1.35\nLABEL ${LABEL}\nRUN sleep 120\n`,
        tags: [`${NAME}:cancelled`],
        jobId,
      });
      await waitFor(
        async () =>
          (await docker("local", "ps", "-q", "--filter", `label=${LABEL}`, "--filter", "status=running")) ||
          undefined,
        20_000,
        "the RUN step's container",
      );
      const r = (await s.timeout(5000).emitWithAck("job:cancel", { jobId })) as Result<null>;
      expect(r.ok).toBe(true);
      const answer = await pending;
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toMatch(/cancelled by admin/);
      await waitFor(
        async () => (await docker("local", "ps", "-aq", "--filter", `label=${LABEL}`)) === "" || undefined,
        20_000,
        "the build's container to go",
      );
      expect(await docker("local", "images", "-q", `${NAME}:cancelled`)).toBe("");
      expect(updates.find((u) => u.jobId === jobId && u.state === "cancelled")).toBeDefined();
    } finally {
      s.close();
    }
  });

  it("builds an uploaded tar context", async () => {
    fs.writeFileSync(path.join(tmp, "ctx/conf/msg.txt"), `from a tar ${RUN_ID}\n`);
    execFileSync("tar", ["-cf", "../ctx.tar", "."], { cwd: path.join(tmp, "ctx") });
    const q = `tags=${enc(`${NAME}:tar`)}&labels=${enc(JSON.stringify(LABELS))}`;
    const r = await sendRaw<{ id: string }>(
      `/api/v1/hosts/local/images/build?${q}`,
      fs.readFileSync(path.join(tmp, "ctx.tar")),
      "application/x-tar",
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await run(`${NAME}:tar`)).toBe(`from a tar ${RUN_ID}`);
  });

  it("builds an uploaded zip context", async () => {
    fs.writeFileSync(path.join(tmp, "ctx/conf/msg.txt"), `from a zip ${RUN_ID}\n`);
    execFileSync("zip", ["-qr", "../ctx.zip", "."], { cwd: path.join(tmp, "ctx") });
    const q = `tags=${enc(`${NAME}:zip`)}&labels=${enc(JSON.stringify(LABELS))}`;
    const r = await sendRaw<{ id: string }>(
      `/api/v1/hosts/local/images/build?${q}`,
      fs.readFileSync(path.join(tmp, "ctx.zip")),
      "application/zip",
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await run(`${NAME}:zip`)).toBe(`from a zip ${RUN_ID}`);
    const junk = await sendRaw<ErrorReply>(
      `/api/v1/hosts/local/images/build?${q}`,
      Buffer.from("PK\x03\x04junk"),
      "application/zip",
    );
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toMatch(/^body: the zip /);
  });
});

describe("tagging, removing and pruning", () => {
  it("tags an image, and refuses a bad tag naming the field", async () => {
    const r = await admin.send<{ ref: string }>(
      "POST",
      `/api/v1/hosts/local/images/${enc(`${NAME}:pasted`)}/tag`,
      {
        repo: `${NAME}-copy`,
        tag: "v1",
      },
    );
    expect(r.status).toBe(201);
    expect(r.body.ref).toBe(`${NAME}-copy:v1`);
    expect(await docker("local", "images", "-q", `${NAME}-copy:v1`)).not.toBe("");
    const bad = await admin.send<ErrorReply>(
      "POST",
      `/api/v1/hosts/local/images/${enc(`${NAME}:pasted`)}/tag`,
      {
        repo: `${NAME}-copy`,
        tag: "-nope",
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^tag: /);
  });

  it("needs force to remove an image a container uses, with the engine's message", async () => {
    await docker("local", "create", "--network", "none", "--name", `${RUN_ID}-user`, `${NAME}:tar`);
    const refused = await admin.send<ErrorReply>(
      "DELETE",
      `/api/v1/hosts/local/images/${enc(`${NAME}:tar`)}`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/container .* is using its referenced image/);
    const forced = await admin.send<{ items: { untagged?: string }[] }>(
      "DELETE",
      `/api/v1/hosts/local/images/${enc(`${NAME}:tar`)}?force=1`,
    );
    expect(forced.status).toBe(200);
    expect(forced.body.items).toContainEqual({ untagged: `${NAME}:tar` });
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=image.remove");
    expect(audit.body.items.map((a) => a.result)).toEqual(["ok", "error"]);
  });

  it("prunes only images carrying this run's label: dangling by default, every unused one with all", async () => {
    // The same tag built twice leaves the first image dangling.
    const first = await admin.send<{ id: string }>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: `FROM local/busybox:1.35\nRUN echo one-${RUN_ID} > /v\n`,
      tags: [`${NAME}:twice`],
      labels: LABELS,
    });
    await admin.send("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: `FROM local/busybox:1.35\nRUN echo two-${RUN_ID} > /v\n`,
      tags: [`${NAME}:twice`],
      labels: LABELS,
    });
    const dangling = await admin.get<ImageList>(
      `/api/v1/hosts/local/images?dangling=1&q=${first.body.id.slice(7, 19)}`,
    );
    expect(dangling.body.items.map((i) => i.id)).toEqual([first.body.id]);

    const pruned = await admin.send<PruneResult>("POST", "/api/v1/hosts/local/images/prune", {
      labels: [LABEL],
    });
    expect(pruned.status).toBe(200);
    expect(pruned.body.deleted).toContain(first.body.id);
    expect(await docker("local", "images", "-q", `${NAME}:twice`)).not.toBe("");

    const all = await admin.send<PruneResult>("POST", "/api/v1/hosts/local/images/prune", {
      all: true,
      labels: [LABEL],
    });
    expect(all.status).toBe(200);
    expect(await docker("local", "images", "-q", `${NAME}:twice`)).toBe("");
    // The shared fixtures carry no such label and stay.
    expect(await docker("local", "images", "-q", "local/busybox:1.35")).not.toBe("");
  });
});

describe("export and load", () => {
  it("round-trips an image through a tar download and an upload", async () => {
    const built = await admin.send<{ id: string }>("POST", "/api/v1/hosts/local/images/build", {
      dockerfile: `FROM local/busybox:1.35\nCMD ["echo", "exported ${RUN_ID}"]\n`,
      tags: [`${NAME}:export`],
      labels: LABELS,
    });
    expect(built.status).toBe(200);
    const res = await fetch(`${srv.base}/api/v1/hosts/local/images/${enc(`${NAME}:export`)}/export`, {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-tar");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.tar"/);
    const tar = Buffer.from(await res.arrayBuffer());
    expect(tar.length).toBeGreaterThan(1_000_000);

    await docker("local", "rmi", `${NAME}:export`);
    const loaded = await sendRaw<{ items: string[] }>(
      "/api/v1/hosts/local/images/load",
      tar,
      "application/x-tar",
    );
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.items).toContain(`${NAME}:export`);
    expect(await run(`${NAME}:export`)).toBe(`exported ${RUN_ID}`);
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=image.load");
    expect(audit.body.items[0]).toMatchObject({ hostId: "local", result: "ok" });

    const notTar = await sendRaw<ErrorReply>(
      "/api/v1/hosts/local/images/load",
      Buffer.from("not a tar"),
      "application/x-tar",
    );
    expect(notTar.status).toBeGreaterThanOrEqual(400);
    expect(notTar.body.error.message.length).toBeGreaterThan(10);
  });

  it("answers 404 for the export of an unknown image", async () => {
    const r = await admin.get<ErrorReply>(`/api/v1/hosts/local/images/${enc("wharf-it/none:1")}/export`);
    expect(r.status).toBe(404);
  });
});
