import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageLayers, LayerFiles } from "../../lib/layers/types";
import {
  RUN_ID,
  docker,
  engineSocket,
  login,
  startServer,
  userClient,
  waitHostsUp,
  type Client,
  type EngineId,
  type TestServer,
} from "./harness";

/**
 * The layer explorer against real engines, with `docker save` and `tar -t` as the second opinion:
 * an image that writes a 10 MiB file, overwrites it with another 10 MiB and deletes it wastes
 * exactly the two superseded copies.
 */
const run = promisify(execFile);
const P = `${RUN_ID}-ly`;
const IMAGE = `${P}-waste:1`;
const CHILD = `${P}-child:1`;
const SMALL = `${P}-small:1`;
const TEAM_B_IMAGE = `${P}-b:1`;
const MiB = 1024 * 1024;
const LABELS = { "wharf.test": P };

let srv: TestServer;
let admin: Client;
let teamA: Client;
let teamB: Client;
let tmp: string;

type ErrorReply = { error: { code: string; message: string } };

const layersUrl = (host: string, ref: string) =>
  `/api/v1/hosts/${host}/images/${encodeURIComponent(ref)}/layers`;
const filesUrl = (host: string, ref: string, diffId: string, query: string) =>
  `${layersUrl(host, ref)}/${encodeURIComponent(diffId)}/files?${query}`;

/** The classic builder, offline, with no network for its RUN steps. */
async function build(engine: EngineId, tag: string, dockerfile: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(tmp, "ctx-"));
  fs.writeFileSync(path.join(dir, "Dockerfile"), dockerfile);
  await run(
    "docker",
    [
      "-H",
      `unix://${engineSocket(engine)}`,
      "build",
      "-q",
      "--network",
      "none",
      "--label",
      `wharf.test=${P}`,
      "-t",
      tag,
      dir,
    ],
    { env: { ...process.env, DOCKER_BUILDKIT: "0" }, maxBuffer: 16 * MiB },
  );
}

/** Each layer's entries as `tar -t` lists them, from the engine's own save of the image. */
async function tarListings(engine: EngineId, ref: string): Promise<string[][]> {
  const dir = fs.mkdtempSync(path.join(tmp, "save-"));
  await run("sh", [
    "-c",
    `docker -H unix://${engineSocket(engine)} save "$1" | tar -x -C "$2"`,
    "sh",
    ref,
    dir,
  ]);
  const [manifest] = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    Layers: string[];
  }[];
  const out: string[][] = [];
  for (const layer of manifest?.Layers ?? []) {
    const { stdout } = await run("tar", ["-tf", path.join(dir, layer)], { maxBuffer: 16 * MiB });
    out.push(
      stdout
        .split("\n")
        .map((l) => l.replace(/^\.\//, "").replace(/\/$/, ""))
        .filter(Boolean)
        .sort(),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** A layer's own entries through the API, folder by folder, whiteouts written back as `.wh.` names. */
async function apiListing(
  c: Client,
  host: string,
  ref: string,
  diffId: string,
  position: number,
): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string) => {
    const r = await c.get<LayerFiles>(
      filesUrl(
        host,
        ref,
        diffId,
        `view=changes&position=${position}&limit=5000&path=${encodeURIComponent(folder)}`,
      ),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.truncated).toBe(false);
    for (const e of r.body.items) {
      if (e.change === "D") {
        out.push(folder ? `${folder}/.wh.${e.name}` : `.wh.${e.name}`);
        continue;
      }
      out.push(e.path);
      if (e.type === "dir") await walk(e.path);
    }
  };
  await walk("");
  return out.sort();
}

/** How many times the engine saved an image since `since` (epoch seconds): each index reads one save. */
async function saves(engine: EngineId, since: number, imageId: string): Promise<number> {
  const until = Math.floor(Date.now() / 1000) + 1;
  const out = await docker(
    engine,
    "events",
    "--since",
    String(since),
    "--until",
    String(until),
    "--filter",
    "type=image",
    "--filter",
    "event=save",
    "--format",
    "{{.ID}}",
  );
  return out.split("\n").filter((id) => id === imageId).length;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-layers-"));
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  await build(
    "local",
    IMAGE,
    [
      "FROM local/busybox:1.35",
      "RUN head -c 10485760 /dev/urandom > /big && mkdir -p /keep && echo kept > /keep/file",
      "LABEL stage=overwrite",
      "RUN head -c 10485760 /dev/urandom > /big",
      "RUN rm /big",
      "",
    ].join("\n"),
  );
  // Every layer of this one is the one above's: its index needs no save at all.
  await build("local", CHILD, `FROM ${IMAGE}\nLABEL child=1\n`);
  await build("secure", SMALL, "FROM local/busybox:1.35\nRUN mkdir -p /opt/app && echo hi > /opt/app/hi\n");
  teamA = await userClient(srv.base, admin, {
    username: `${P}-a`,
    role: "viewer",
    hosts: ["local"],
    labelSelector: `team=${P}a`,
  });
  teamB = await userClient(srv.base, admin, {
    username: `${P}-b`,
    role: "operator",
    hosts: ["local"],
    labelSelector: `team=${P}b`,
  });
  const built = await teamB.send("POST", "/api/v1/hosts/local/images/build", {
    dockerfile: `FROM local/busybox:1.35\nLABEL run=${P}-b\n`,
    tags: [TEAM_B_IMAGE],
    labels: LABELS,
  });
  expect(built.status, JSON.stringify(built.body)).toBe(200);
  // Team B runs its own image, so it is not one nobody owns.
  await docker(
    "local",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    `${P}-bc`,
    "--label",
    `team=${P}b`,
    TEAM_B_IMAGE,
    "sleep",
    "600",
  );
}, 180_000);

afterAll(async () => {
  await docker("local", "rm", "-f", `${P}-bc`).catch(() => "");
  for (const [engine, ref] of [
    ["local", CHILD],
    ["local", IMAGE],
    ["local", TEAM_B_IMAGE],
    ["secure", SMALL],
  ] as const)
    await docker(engine, "rmi", "-f", ref).catch(() => "");
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  await srv?.stop();
});

describe("the layer explorer", () => {
  let layers: ImageLayers;
  let imageId: string;

  it("indexes an image once, even when two requests ask for it at the same time", async () => {
    imageId = await docker("local", "image", "inspect", "--format", "{{.Id}}", IMAGE);
    const since = Math.floor(Date.now() / 1000) - 1;
    const [a, b] = await Promise.all([
      admin.get<ImageLayers>(layersUrl("local", IMAGE)),
      admin.get<ImageLayers>(layersUrl("local", IMAGE)),
    ]);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(b.body).toEqual(a.body);
    const again = await admin.get<ImageLayers>(layersUrl("local", imageId));
    expect(again.body.items).toEqual(a.body.items);
    expect(await saves("local", since, imageId)).toBe(1);
    layers = a.body;
  });

  it("maps each layer to its step, skipping the LABEL that made none", async () => {
    const rootFs = JSON.parse(
      await docker("local", "image", "inspect", "--format", "{{json .RootFS.Layers}}", IMAGE),
    ) as string[];
    expect(layers.imageId).toBe(imageId);
    expect(layers.stepSource).toBe("config");
    expect(layers.items.map((l) => l.diffId)).toEqual(rootFs);
    expect(layers.items.map((l) => l.position)).toEqual([1, 2, 3, 4]);
    expect(layers.items[1]?.createdBy).toMatch(/head -c 10485760 \/dev\/urandom > \/big && mkdir/);
    expect(layers.items[2]?.createdBy).toMatch(/head -c 10485760 \/dev\/urandom > \/big$/);
    expect(layers.items[3]?.createdBy).toMatch(/rm \/big/);
    expect(layers.items.map((l) => l.size)).toEqual([layers.items[0]?.size, 10 * MiB + 5, 10 * MiB, 0]);
    expect(layers.items[3]).toMatchObject({ deleted: 1, added: 0 });
    expect(layers.items[2]).toMatchObject({ added: 0 });
  });

  it("lists each layer's entries exactly as tar -t lists the layer from docker save", async () => {
    const oracle = await tarListings("local", IMAGE);
    expect(oracle).toHaveLength(4);
    for (const l of layers.items)
      expect(await apiListing(admin, "local", IMAGE, l.diffId, l.position), `layer ${l.position}`).toEqual(
        oracle[l.position - 1],
      );
    expect(oracle[3]).toContain(".wh.big");
  });

  it("counts the overwritten and the deleted 10 MiB copies once each: 20 MiB wasted, not 30", () => {
    expect(layers.wastedBytes).toBe(20_971_520);
    expect(layers.wasted.items[0]).toMatchObject({
      path: "big",
      wastedBytes: 20_971_520,
      explanation: "written in layer 2, overwritten in layer 3, deleted in layer 4",
    });
    expect(layers.items.map((l) => l.wastedBytes)).toEqual([0, 10 * MiB, 10 * MiB, 0]);
    const total = layers.items.reduce((s, l) => s + l.size, 0);
    expect(layers.totalBytes).toBe(total);
    expect(layers.efficiency).toBeCloseTo(1 - 20_971_520 / total, 12);
    expect(layers.largest.map((f) => f.path)).not.toContain("big");
    expect(layers.largest[0]?.path).toBe("bin/busybox");
  });

  it("shows the merged tree at a layer: big is there at layers 2 and 3, gone at 4", async () => {
    const at = async (n: number) => {
      const l = layers.items[n - 1];
      const r = await admin.get<LayerFiles>(filesUrl("local", IMAGE, l?.diffId ?? "", "view=merged&path=/"));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    expect((await at(2)).items.find((e) => e.name === "big")).toMatchObject({
      size: 10 * MiB,
      position: 2,
      type: "file",
    });
    expect((await at(3)).items.find((e) => e.name === "big")).toMatchObject({ position: 3 });
    const last = await at(4);
    expect(last.items.map((e) => e.name)).not.toContain("big");
    expect(last.items.map((e) => e.name)).toEqual(expect.arrayContaining(["bin", "etc", "keep"]));
    const keep = await admin.get<LayerFiles>(
      filesUrl("local", IMAGE, layers.items[3]?.diffId ?? "", "view=merged&path=keep"),
    );
    expect(keep.body.items).toEqual([
      expect.objectContaining({ name: "file", path: "keep/file", size: 5, position: 2 }),
    ]);
  });

  it("answers an image whose layers are all indexed from the index and the engine's history, with no save", async () => {
    const childId = await docker("local", "image", "inspect", "--format", "{{.Id}}", CHILD);
    const since = Math.floor(Date.now() / 1000) - 1;
    const r = await admin.get<ImageLayers>(layersUrl("local", CHILD));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.stepSource).toBe("history");
    expect(r.body.items.map((l) => l.createdBy)).toEqual(layers.items.map((l) => l.createdBy));
    expect(r.body.wastedBytes).toBe(20_971_520);
    expect(await saves("local", since, childId)).toBe(0);
  });

  it("answers a label-scoped user 404 for another team's image, as for a missing one", async () => {
    const theirs = await teamA.get<ErrorReply>(layersUrl("local", TEAM_B_IMAGE));
    const missing = await teamA.get<ErrorReply>(layersUrl("local", `${P}-nope:1`));
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body.error.message.replace(TEAM_B_IMAGE, "<ref>")).toBe(
      missing.body.error.message.replace(`${P}-nope:1`, "<ref>"),
    );
    const files = await teamA.get<ErrorReply>(
      filesUrl("local", TEAM_B_IMAGE, layers.items[0]?.diffId ?? "", "path=/"),
    );
    expect(files.status).toBe(404);
    // The shared base, which no team owns, is open to the team.
    expect((await teamA.get(layersUrl("local", IMAGE))).status).toBe(200);
    expect((await teamB.get(layersUrl("local", TEAM_B_IMAGE))).status).toBe(200);
  });

  it("names the field and the reason for bad input", async () => {
    const diffId = layers.items[1]?.diffId ?? "";
    const cases: [string, string, RegExp][] = [
      [filesUrl("local", IMAGE, diffId, "path=etc/../root"), "query.path", /'\.\.'/],
      [filesUrl("local", IMAGE, "sha256:xyz", "path=/"), "diffId", /64 lowercase hex/],
      [
        filesUrl("local", IMAGE, `sha256:${"0".repeat(64)}`, "path=/"),
        "diffId",
        /is not a layer of the image/,
      ],
      [filesUrl("local", IMAGE, diffId, "view=tree"), "query.view", /changes, merged/],
      [filesUrl("local", IMAGE, diffId, "limit=0"), "query.limit", /at least 1/],
      [filesUrl("local", IMAGE, diffId, "position=3"), "query.position", /is not sha256:/],
    ];
    for (const [url, field, reason] of cases) {
      const r = await admin.get<ErrorReply>(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION");
      expect(r.body.error.message.startsWith(`${field}: `), r.body.error.message).toBe(true);
      expect(r.body.error.message).toMatch(reason);
    }
    const file = await admin.get<ErrorReply>(filesUrl("local", IMAGE, diffId, "path=keep/file&view=merged"));
    expect(file.status).toBe(404);
    expect(file.body.error.message).toMatch(/^path: \/keep\/file is not a folder/);
  });

  it("reads an image over the TLS engine as tar -t reads its save", async () => {
    const r = await admin.get<ImageLayers>(layersUrl("secure", SMALL));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.hostId).toBe("secure");
    const oracle = await tarListings("secure", SMALL);
    expect(r.body.items).toHaveLength(oracle.length);
    for (const l of r.body.items)
      expect(await apiListing(admin, "secure", SMALL, l.diffId, l.position)).toEqual(oracle[l.position - 1]);
    expect(r.body.items[1]?.createdBy).toMatch(/echo hi > \/opt\/app\/hi/);
    expect(r.body.wastedBytes).toBe(0);
  });

  it("lists its routes in the OpenAPI document", async () => {
    const doc = await admin.get<{ paths: Record<string, Record<string, { summary: string }>> }>(
      "/api/v1/openapi.json",
    );
    expect(doc.body.paths["/api/v1/hosts/{hostId}/images/{id}/layers"]?.get?.summary).toMatch(/wasted space/);
    expect(doc.body.paths["/api/v1/hosts/{hostId}/images/{id}/layers/{diffId}/files"]?.get?.summary).toMatch(
      /merged/,
    );
  });
});
