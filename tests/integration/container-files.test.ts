import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangesView, CommitResult, FolderListing, UploadResult } from "../../lib/files/types";
import type { AuditEntry } from "../../lib/types";
import { parseHostsSetting } from "../../server/engines/host-spec";
import { listFolder } from "../../server/files/folder-listing";
import { FILE_LIMITS } from "../../server/files/limits";
import {
  ENGINES_DIR,
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitHostsUp,
  type Client,
  type EngineId,
  type TestServer,
} from "./harness";

/**
 * The file browser, changes view and commit, against real engines over every transport. The
 * docker CLI on the engine's own socket is the second opinion on what is in the container.
 */
let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-cf`;
const TEAM_A = `team=a${P}`;
const TEAM_B = `team=b${P}`;
const SCRATCH_IMAGE = `local/${P}-scratch:1`;
const COMMIT_REPO = `local/${P}-commit`;
let work = "";

type ErrorReply = { error: { code: string; message: string; details?: Record<string, unknown> } };

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const files = (host: string, c: string) => `/api/v1/hosts/${host}/containers/${c}/files`;
const q = (p: string) => `?path=${encodeURIComponent(p)}`;

/** A request with a raw body (or none), answered as bytes with its headers. */
async function raw(
  c: Client,
  method: string,
  url: string,
  body?: Uint8Array,
  contentType = "application/octet-stream",
): Promise<{ status: number; headers: Headers; bytes: Buffer; json: <T>() => T }> {
  const r = await fetch(srv.base + url, {
    method,
    headers: {
      cookie: c.cookie,
      "x-wharf-csrf": "1",
      ...(body ? { "content-type": contentType } : {}),
    },
    body: body ? new Uint8Array(body) : undefined,
  });
  const bytes = Buffer.from(await r.arrayBuffer());
  return {
    status: r.status,
    headers: r.headers,
    bytes,
    json: <T>() => JSON.parse(bytes.toString("utf8")) as T,
  };
}

function tarOf(
  entries: { name: string; body?: Buffer; type?: "directory" | "symlink"; linkname?: string }[],
) {
  const pack = tar.pack();
  for (const e of entries)
    if (e.body) pack.entry({ name: e.name, mode: 0o644 }, e.body);
    else pack.entry({ name: e.name, type: e.type ?? "directory", mode: 0o755, linkname: e.linkname });
  pack.finalize();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pack.on("data", (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on("end", () => resolve(Buffer.concat(chunks)));
    pack.on("error", reject);
  });
}

/** Every regular file of a tar, by name, as sha256 of its bytes. */
async function tarFiles(buf: Buffer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const extract = tar.extract();
  extract.on("entry", (h, body, next) => {
    const chunks: Buffer[] = [];
    body.on("data", (c: unknown) => {
      chunks.push(c as Buffer);
    });
    body.on("end", () => {
      if (h.type === "file") out[h.name] = sha(Buffer.concat(chunks));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on("finish", resolve).on("error", reject);
    extract.end(buf);
  });
  return out;
}

/** `docker cp` out of the container into a fresh folder; answers the copied path on this machine. */
async function cpOut(engine: EngineId, container: string, from: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, "cp-"));
  await docker(engine, "cp", `${container}:${from}`, dir);
  return path.join(dir, path.basename(from));
}

const diffSet = async (engine: EngineId, c: string) =>
  new Set((await docker(engine, "diff", c)).split("\n").filter(Boolean));

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-cf-"));
  // The test engines and, over SSH, the local engine again.
  srv = await startServer({ hosts: parseHostsSetting(path.join(ENGINES_DIR, "hosts-ssh.json")) });
  admin = await login(srv.base);
  await waitHostsUp(admin, ["local", "edge", "secure", "sshhost"], 30_000);

  // A stopped container with a folder of files and a symlink.
  await docker(
    "local",
    "run",
    "--network",
    "none",
    "--name",
    `${P}-stopped`,
    "--label",
    TEAM_A,
    "local/busybox:1.35",
    "sh",
    "-c",
    "mkdir -p /data/sub && echo hello > /data/hello.txt && ln -s hello.txt /data/link && head -c 300000 /dev/zero > /data/big.bin",
  );
  // An image with one static binary and no shell, built offline from the busybox image's binary.
  const ctx = fs.mkdtempSync(path.join(work, "ctx-"));
  await docker("local", "create", "--network", "none", "--name", `${P}-src`, "local/busybox:1.35");
  await docker("local", "cp", `${P}-src:/bin/busybox`, path.join(ctx, "busybox"));
  fs.writeFileSync(
    path.join(ctx, "Dockerfile"),
    'FROM scratch\nCOPY busybox /hello\nCMD ["/hello", "true"]\n',
  );
  process.env.DOCKER_BUILDKIT = "0";
  await docker("local", "build", "-q", "-t", SCRATCH_IMAGE, ctx);
  await docker("local", "create", "--network", "none", "--name", `${P}-scratch`, SCRATCH_IMAGE);
  // One container on the TLS host, stopped.
  await docker(
    "secure",
    "run",
    "--network",
    "none",
    "--name",
    `${P}-tls`,
    "local/busybox:1.35",
    "sh",
    "-c",
    "echo over-tls > /tls.txt",
  );
  await runFixture("local", `${P}-rt`, "local/idle:1", ["--label", TEAM_A]);
  await runFixture("local", `${P}-b`, "local/idle:1", ["--label", TEAM_B]);
}, 120_000);

afterAll(async () => {
  await removeByPrefix(P);
  for (const ref of [SCRATCH_IMAGE, `${COMMIT_REPO}:1`, `local/${P}-teamb:1`])
    await docker("local", "rmi", "-f", ref).catch(() => "");
  await srv?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("browsing and downloading", () => {
  it("lists a stopped container's folder, folders first, with types, modes and link targets", async () => {
    const r = await admin.get<FolderListing>(files("local", `${P}-stopped`) + q("/data"));

    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ path: "/data", type: "dir", truncated: false });
    expect(r.body.items.map((i) => [i.name, i.type])).toEqual([
      ["sub", "dir"],
      ["big.bin", "file"],
      ["hello.txt", "file"],
      ["link", "symlink"],
    ]);
    const hello = r.body.items.find((i) => i.name === "hello.txt");
    expect(hello).toMatchObject({
      path: "/data/hello.txt",
      size: 6,
      mode: "0644",
      permissions: "-rw-r--r--",
    });
    expect(hello).toMatchObject({ uid: 0, gid: 0 });
    expect(r.body.items.find((i) => i.name === "link")?.linkTarget).toBe("hello.txt");
    expect(Date.parse(hello?.mtime ?? "")).toBeGreaterThan(0);
  });

  it("stops at the byte or entry budget, answers what it found and says why", async () => {
    const host = srv.wharf.ctx.hosts.get("local");
    // The root's archive carries the 2 MB busybox binary: a 64 KiB budget ends the read inside it.
    const bytes = await listFolder(host, `${P}-stopped`, "/", {
      ...FILE_LIMITS,
      listArchiveBytes: 64 * 1024,
    });
    expect(bytes).toMatchObject({ truncated: true, truncatedReason: "bytes" });
    expect(bytes.scannedBytes).toBeLessThan(1024 * 1024);
    expect(bytes.message).toContain(String(64 * 1024));
    const entries = await listFolder(host, `${P}-stopped`, "/data", { ...FILE_LIMITS, listEntries: 2 });
    expect(entries).toMatchObject({ truncated: true, truncatedReason: "entries" });
    expect(entries.items).toHaveLength(2);
  });

  it("answers a file's path with its one entry, and follows a symlink", async () => {
    const f = await admin.get<FolderListing>(files("local", `${P}-stopped`) + q("/data/hello.txt"));
    expect(f.body).toMatchObject({ type: "file", items: [{ name: "hello.txt", size: 6 }] });
    const l = await admin.get<FolderListing>(files("local", `${P}-stopped`) + q("/data/link"));
    expect(l.body).toMatchObject({ resolvedPath: "/data/hello.txt", type: "file" });
  });

  it("downloads a file's bytes and a folder's tar, matching docker cp", async () => {
    const f = await raw(admin, "GET", `${files("local", `${P}-stopped`)}/content${q("/data/big.bin")}`);
    expect(f.status).toBe(200);
    expect(f.headers.get("content-length")).toBe("300000");
    expect(f.headers.get("content-disposition")).toContain('filename="big.bin"');
    expect(sha(f.bytes)).toBe(sha(fs.readFileSync(await cpOut("local", `${P}-stopped`, "/data/big.bin"))));

    const d = await raw(admin, "GET", `${files("local", `${P}-stopped`)}/content${q("/data")}`);
    expect([d.status, d.headers.get("content-type")]).toEqual([200, "application/x-tar"]);
    expect(await tarFiles(d.bytes)).toEqual({
      "data/big.bin": sha(f.bytes),
      "data/hello.txt": sha(Buffer.from("hello\n")),
    });
  });

  it("downloads a folder as a ZIP on request, with the same bytes, as Python's zipfile reads it", async () => {
    const z = await raw(admin, "GET", `${files("local", `${P}-stopped`)}/content${q("/data")}&format=zip`);
    expect([z.status, z.headers.get("content-type")]).toEqual([200, "application/zip"]);
    expect(z.headers.get("content-disposition")).toContain('filename="data.zip"');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-zip-"));
    try {
      fs.writeFileSync(path.join(dir, "data.zip"), z.bytes);
      const script =
        "import hashlib, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n" +
        "print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist() if not i.is_dir()}))";
      const listed = JSON.parse(
        execFileSync("python3", ["-c", script, path.join(dir, "data.zip")], { encoding: "utf8" }),
      ) as Record<string, string>;
      expect(listed).toEqual({
        "data/big.bin": sha(fs.readFileSync(await cpOut("local", `${P}-stopped`, "/data/big.bin"))),
        "data/hello.txt": sha(Buffer.from("hello\n")),
        // A link is kept as a link: its target is its content.
        "data/link": sha(Buffer.from("hello.txt")),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const bad = await raw(admin, "GET", `${files("local", `${P}-stopped`)}/content${q("/data")}&format=rar`);
    expect(bad.status).toBe(400);
    expect(bad.bytes.toString("utf8")).toContain("query.format: must be");
  });

  it("previews a small text file and refuses a large one with 413 naming its size", async () => {
    const ok = await raw(
      admin,
      "GET",
      `${files("local", `${P}-stopped`)}/content${q("/data/hello.txt")}&preview=1`,
    );
    expect([ok.status, ok.headers.get("x-wharf-preview"), ok.bytes.toString()]).toEqual([
      200,
      "text",
      "hello\n",
    ]);
    const big = await raw(
      admin,
      "GET",
      `${files("local", `${P}-stopped`)}/content${q("/data/big.bin")}&preview=1`,
    );
    expect(big.status).toBe(413);
    expect(big.json<ErrorReply>().error.message).toContain("300000 bytes");
  });

  it("browses and downloads a scratch image's container that has no shell", async () => {
    const r = await admin.get<FolderListing>(files("local", `${P}-scratch`) + q("/"));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((i) => i.name)).toContain("hello");
    expect(r.body.items.map((i) => i.name)).not.toContain("bin");
    const f = await raw(admin, "GET", `${files("local", `${P}-scratch`)}/content${q("/hello")}`);
    expect(sha(f.bytes)).toBe(sha(fs.readFileSync(await cpOut("local", `${P}-scratch`, "/hello"))));
  });

  it.each([
    ["secure", `${P}-tls`, "/tls.txt", "over-tls\n"],
    ["sshhost", `${P}-stopped`, "/data/hello.txt", "hello\n"],
  ])("works over %s", async (host, container, file, text) => {
    const list = await admin.get<FolderListing>(files(host, container) + q(path.dirname(file)));
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i) => i.name)).toContain(path.basename(file));
    const f = await raw(admin, "GET", `${files(host, container)}/content${q(file)}`);
    expect([f.status, f.bytes.toString()]).toEqual([200, text]);
  });
});

describe("uploads", () => {
  it("round-trips a 50 MB file and a folder, byte for byte, as docker cp sees them", async () => {
    const big = randomBytes(50 * 1024 * 1024);
    const up = await raw(admin, "PUT", `${files("local", `${P}-rt`)}${q("/tmp")}&name=big.bin`, big);
    expect(up.status, up.bytes.toString()).toBe(200);
    expect(up.json<UploadResult>()).toMatchObject({ path: "/tmp", names: ["big.bin"], bytes: big.length });
    const down = await raw(admin, "GET", `${files("local", `${P}-rt`)}/content${q("/tmp/big.bin")}`);
    expect(sha(down.bytes)).toBe(sha(big));
    expect(sha(fs.readFileSync(await cpOut("local", `${P}-rt`, "/tmp/big.bin")))).toBe(sha(big));

    const a = randomBytes(1000);
    const b = randomBytes(70_000);
    const folder = await tarOf([
      { name: "up/" },
      { name: "up/a.txt", body: a },
      { name: "up/sub/" },
      { name: "up/sub/b.bin", body: b },
      { name: "up/l", type: "symlink", linkname: "a.txt" },
    ]);
    const put = await raw(
      admin,
      "PUT",
      `${files("local", `${P}-rt`)}${q("/tmp")}`,
      folder,
      "application/x-tar",
    );
    expect(put.status, put.bytes.toString()).toBe(200);
    expect(put.json<UploadResult>()).toMatchObject({ names: ["up"], entries: 5, bytes: a.length + b.length });
    const tarDown = await raw(admin, "GET", `${files("local", `${P}-rt`)}/content${q("/tmp/up")}`);
    expect(await tarFiles(tarDown.bytes)).toEqual({ "up/a.txt": sha(a), "up/sub/b.bin": sha(b) });
    const copied = await cpOut("local", `${P}-rt`, "/tmp/up");
    expect(sha(fs.readFileSync(path.join(copied, "a.txt")))).toBe(sha(a));
    expect(sha(fs.readFileSync(path.join(copied, "sub/b.bin")))).toBe(sha(b));
    expect(fs.readlinkSync(path.join(copied, "l"))).toBe("a.txt");

    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.upload");
    const entry = audit.body.items.find((e) => e.target === `${P}-rt` && e.result === "ok");
    expect(entry?.params).toMatchObject({ path: "/tmp", names: ["up"], bytes: a.length + b.length });
  });

  it("answers 409 naming what exists, and replaces it with overwrite=1", async () => {
    const first = await raw(
      admin,
      "PUT",
      `${files("local", `${P}-rt`)}${q("/tmp")}&name=same.txt`,
      Buffer.from("one"),
    );
    expect(first.status).toBe(200);
    const again = await raw(
      admin,
      "PUT",
      `${files("local", `${P}-rt`)}${q("/tmp")}&name=same.txt`,
      Buffer.from("two"),
    );
    expect(again.status).toBe(409);
    expect(again.json<ErrorReply>().error.message).toContain("/tmp/same.txt");
    expect(await docker("local", "exec", `${P}-rt`, "cat", "/tmp/same.txt")).toBe("one");
    const over = await raw(
      admin,
      "PUT",
      `${files("local", `${P}-rt`)}${q("/tmp")}&name=same.txt&overwrite=1`,
      Buffer.from("two"),
    );
    expect([over.status, over.json<UploadResult>().replaced]).toEqual([200, ["/tmp/same.txt"]]);
    expect(await docker("local", "exec", `${P}-rt`, "cat", "/tmp/same.txt")).toBe("two");
  });
});

describe("changes and commit", () => {
  it("answers an empty list for a container that changed nothing", async () => {
    await docker("local", "create", "--network", "none", "--name", `${P}-fresh`, "local/busybox:1.35");
    const r = await admin.get<ChangesView>(`/api/v1/hosts/local/containers/${P}-fresh/changes`);
    expect([r.status, r.body.items, r.body.tree]).toEqual([200, [], []]);
  });

  it("shows A, C and D exactly as docker diff does", async () => {
    await runFixture("local", `${P}-ch`, "local/idle:1");
    await docker(
      "local",
      "exec",
      `${P}-ch`,
      "sh",
      "-c",
      "touch /new && rm /etc/group && echo edited >> /etc/passwd",
    );
    const r = await admin.get<ChangesView>(`/api/v1/hosts/local/containers/${P}-ch/changes`);

    expect(r.status).toBe(200);
    expect(new Set(r.body.items.map((c) => `${c.kind} ${c.path}`))).toEqual(
      await diffSet("local", `${P}-ch`),
    );
    expect(r.body.items).toEqual(
      expect.arrayContaining([
        { path: "/new", kind: "A" },
        { path: "/etc/group", kind: "D" },
        { path: "/etc/passwd", kind: "C" },
      ]),
    );
    const etc = r.body.tree.find((n) => n.name === "etc");
    expect(etc?.children.map((c) => [c.name, c.kind])).toEqual(
      expect.arrayContaining([
        ["group", "D"],
        ["passwd", "C"],
      ]),
    );
  });

  it("commits an image that carries the change, the message and the CMD, and runs", async () => {
    const r = await admin.send<CommitResult>("POST", `/api/v1/hosts/local/containers/${P}-ch/commit`, {
      repo: COMMIT_REPO,
      tag: "1",
      message: `committed by ${P}`,
      author: "Wharf test",
      changes: ['CMD ["cat", "/etc/passwd"]', "ENV FROM_COMMIT=yes"],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.ref).toBe(`${COMMIT_REPO}:1`);
    const inspect = JSON.parse(await docker("local", "image", "inspect", `${COMMIT_REPO}:1`)) as {
      Id: string;
      Comment: string;
      Author: string;
      Config: { Cmd: string[]; Env: string[] };
    }[];
    expect(inspect[0]).toMatchObject({ Id: r.body.id, Comment: `committed by ${P}`, Author: "Wharf test" });
    expect(inspect[0]?.Config.Cmd).toEqual(["cat", "/etc/passwd"]);
    expect(inspect[0]?.Config.Env).toContain("FROM_COMMIT=yes");
    const out = await docker("local", "run", "--rm", "--network", "none", `${COMMIT_REPO}:1`);
    expect(out.split("\n").at(-1)).toBe("edited");
  });

  it("refuses an instruction the engine does not take on commit, naming it", async () => {
    const r = await admin.send<ErrorReply>("POST", `/api/v1/hosts/local/containers/${P}-ch/commit`, {
      repo: COMMIT_REPO,
      changes: ["ENV A=b", "RUN rm -rf /"],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^changes\.1: must start with one of CMD/);
  });
});

describe("bad input", () => {
  it.each(["etc", "./etc", "/etc/../root", "/etc/", "//etc", "/etc/.", "/a\0b", "/.."])(
    "refuses the path %j with 400 naming the field",
    async (p) => {
      const r = await admin.get<ErrorReply>(files("local", `${P}-stopped`) + q(p));
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^query\.path: /);
    },
  );

  it("answers 404 with the engine's message for a path that does not exist", async () => {
    for (const url of [
      files("local", `${P}-stopped`) + q("/no/such"),
      `${files("local", `${P}-stopped`)}/content${q("/no/such")}`,
      `${files("local", `${P}-rt`)}${q("/no/such")}&name=x`,
    ]) {
      const put = url.includes("name=");
      const r = await raw(admin, put ? "PUT" : "GET", url, put ? Buffer.from("x") : undefined);
      expect(r.status, url).toBe(404);
      expect(r.json<ErrorReply>().error.message).toContain("Could not find the file /no/such");
    }
  });

  it("refuses a tar with an entry that climbs out, and the container is unchanged", async () => {
    const before = await diffSet("local", `${P}-rt`);
    for (const entries of [
      [
        { name: "ok.txt", body: Buffer.from("fine") },
        { name: "../../x", body: Buffer.from("boom") },
      ],
      [{ name: "/abs.txt", body: Buffer.from("boom") }],
      [{ name: "esc", type: "symlink" as const, linkname: "../../etc" }],
    ]) {
      const r = await raw(
        admin,
        "PUT",
        `${files("local", `${P}-rt`)}${q("/tmp")}`,
        await tarOf(entries),
        "application/x-tar",
      );
      expect(r.status).toBe(400);
      expect(r.json<ErrorReply>().error.message).toMatch(/^body: entry /);
    }
    expect(await diffSet("local", `${P}-rt`)).toEqual(before);
    await expect(docker("local", "exec", `${P}-rt`, "ls", "/x", "/tmp/ok.txt", "/tmp/esc")).rejects.toThrow();
  });
});

describe("scope and roles", () => {
  let viewerA: Client;
  let operatorA: Client;
  let operatorB: Client;

  beforeAll(async () => {
    viewerA = await userClient(srv.base, admin, {
      username: `${P}-va`,
      role: "viewer",
      labelSelector: TEAM_A,
    });
    operatorA = await userClient(srv.base, admin, {
      username: `${P}-oa`,
      role: "operator",
      labelSelector: TEAM_A,
    });
    operatorB = await userClient(srv.base, admin, {
      username: `${P}-ob`,
      role: "operator",
      labelSelector: TEAM_B,
    });
  });

  it("answers 404 for another team's container on every route, exactly as for a missing one", async () => {
    const reads = (c: string) => [
      files("local", c),
      `${files("local", c)}/content${q("/etc/passwd")}`,
      `/api/v1/hosts/local/containers/${c}/changes`,
    ];
    for (const [other, ghost] of [[`${P}-b`, `${P}-ghost`]] as const) {
      for (const [i, url] of reads(other).entries()) {
        const r = await raw(viewerA, "GET", url);
        const g = await raw(viewerA, "GET", reads(ghost)[i] ?? "");
        expect(r.status, url).toBe(404);
        expect(g.status).toBe(404);
      }
      const put = await raw(
        operatorA,
        "PUT",
        `${files("local", other)}${q("/tmp")}&name=x`,
        Buffer.from("x"),
      );
      const commit = await operatorA.send("POST", `/api/v1/hosts/local/containers/${other}/commit`, {
        repo: `local/${P}-nope`,
      });
      expect([put.status, commit.status]).toEqual([404, 404]);
    }
    // In its own scope the team reads.
    expect((await viewerA.get(files("local", `${P}-rt`) + q("/tmp"))).status).toBe(200);
  });

  it("refuses a viewer upload and commit with 403", async () => {
    const put = await raw(
      viewerA,
      "PUT",
      `${files("local", `${P}-rt`)}${q("/tmp")}&name=v.txt`,
      Buffer.from("v"),
    );
    const commit = await viewerA.send("POST", `/api/v1/hosts/local/containers/${P}-rt/commit`, {
      repo: `local/${P}-viewer`,
    });
    expect([put.status, commit.status]).toEqual([403, 403]);
  });

  it("refuses a commit over a name another team's image holds", async () => {
    const b = await operatorB.send<CommitResult>("POST", `/api/v1/hosts/local/containers/${P}-b/commit`, {
      repo: `local/${P}-teamb`,
      tag: "1",
    });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const a = await operatorA.send<ErrorReply>("POST", `/api/v1/hosts/local/containers/${P}-rt/commit`, {
      repo: `local/${P}-teamb`,
      tag: "1",
    });
    expect(a.status).toBe(409);
    expect(a.body.error.message).toContain("outside your scope");
    const still = await docker("local", "image", "inspect", "--format", "{{.Id}}", `local/${P}-teamb:1`);
    expect(still).toBe(b.body.id);
  });
});

describe("the OpenAPI document", () => {
  it("lists every new route with its summary", async () => {
    const doc = await admin.get<{ paths: Record<string, Record<string, { summary: string }>> }>(
      "/api/v1/openapi.json",
    );
    const base = "/api/v1/hosts/{hostId}/containers/{id}";
    for (const [p, method] of [
      ["/files", "get"],
      ["/files", "put"],
      ["/files/content", "get"],
      ["/changes", "get"],
      ["/commit", "post"],
    ] as const)
      expect(doc.body.paths[base + p]?.[method]?.summary, `${method} ${p}`).toBeTruthy();
  });
});
