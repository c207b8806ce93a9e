import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineObjectEvent } from "../../lib/realtime/events";
import type { VolumeList, VolumePruneResult, VolumeSummary } from "../../lib/volumes";
import {
  PODMAN_ID,
  RUN_ID,
  SHARED_HOSTS,
  connectSocket,
  docker,
  hostsWithPodman,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type CliEngine,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-vol`;
const LABEL = `wharf.test=${RUN_ID}`;
const labels = { "wharf.test": RUN_ID };
const baseOn = (host: CliEngine) => `/api/v1/hosts/${host}/volumes`;
const base = baseOn("local");

interface ErrorBody {
  error: { code: string; message: string };
}

const cliVolumes = async (host: CliEngine = "local") =>
  (await docker(host, "volume", "ls", "-q", "--filter", `label=${LABEL}`)).split("\n").filter(Boolean);
const inspect = async (name: string, host: CliEngine = "local") =>
  (JSON.parse(await docker(host, "volume", "inspect", name)) as unknown[])[0] as {
    Driver: string;
    Labels: Record<string, string>;
    Options: Record<string, string> | null;
    Mountpoint: string;
    Scope: string;
  };

/** A stopped container mounting the volume keeps it "in use" without running anything. */
async function mountIn(
  name: string,
  volume: string,
  mode = "rw",
  cmd: string[] = [],
  host: CliEngine = "local",
) {
  return docker(
    host,
    "run",
    "--network",
    "none",
    "--name",
    name,
    "--label",
    LABEL,
    "-v",
    `${volume}:/data:${mode}`,
    "local/busybox:1.35",
    ...cmd,
  );
}

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, SHARED_HOSTS);
});

afterAll(async () => {
  await removeByPrefix(P);
  for (const host of SHARED_HOSTS) {
    const left = await cliVolumes(host).catch(() => []);
    if (left.length) await docker(host, "volume", "rm", "-f", ...left).catch(() => "");
  }
  await srv?.stop();
});

describe.each(SHARED_HOSTS)("volumes on %s", (host) => {
  it("creates a volume as the engine reports it, and lists it on the host and across hosts", async () => {
    const name = `${P}-a`;
    // Podman reads size= in a local volume's options as a project quota, which it refuses on a file
    // system without them (as here); tmpfs with other options works on both.
    const opts = { type: "tmpfs", device: "tmpfs", o: host === PODMAN_ID ? "nodev" : "size=8m" };

    const res = await admin.send<VolumeSummary>("POST", baseOn(host), {
      Name: name,
      Labels: { ...labels, tier: "db" },
      DriverOpts: opts,
    });

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cli = await inspect(name, host);
    expect(cli.Driver).toBe("local");
    expect(cli.Labels).toEqual({ ...labels, tier: "db" });
    expect(cli.Options).toEqual(opts);
    const listed = await waitFor(
      async () => (await admin.get<VolumeList>(baseOn(host))).body.items.find((v) => v.name === name),
      5000,
      `${name} in the list`,
    );
    expect(listed).toMatchObject({
      hostId: host,
      driver: "local",
      mountpoint: cli.Mountpoint,
      scope: cli.Scope,
      labels: { ...labels, tier: "db" },
      options: opts,
      refCount: 0,
      usedBy: [],
      anonymous: false,
      // Docker neither sizes nor prunes a volume with driver options; the list says so. Podman sizes
      // its directory on the host, empty while the tmpfs is not mounted, and Wharf shows that answer.
      size: host === PODMAN_ID ? 0 : -1,
      prunable: false,
    });
    expect(listed?.sizeNote).toMatch(/does not size or prune/);
    expect(listed?.created).toBeGreaterThan(Date.now() - 5 * 60_000);
    const all = await admin.get<VolumeList>("/api/v1/volumes");
    expect(all.body.errors).toEqual([]);
    const hostIds = all.body.items.filter((v) => v.name === name).map((v) => v.hostId);
    expect(hostIds).toContain(host);
    expect(hostIds).not.toContain("edge");
  });

  it("shows the size the engine computed and the containers using it, read-only or not", async () => {
    const name = `${P}-b`;
    await admin.send("POST", baseOn(host), { Name: name, Labels: labels });
    await mountIn(
      `${P}-writer`,
      name,
      "rw",
      ["sh", "-c", "dd if=/dev/zero of=/data/f bs=1024 count=100 2>/dev/null"],
      host,
    );
    await docker(
      host,
      "create",
      "--network",
      "none",
      "--name",
      `${P}-reader`,
      "-v",
      `${name}:/mnt/ro:ro`,
      "local/idle:1",
    );

    const get = () => admin.get<VolumeSummary>(`${baseOn(host)}/${name}`);
    // Users come from the live container list, which follows the engine's events: from Podman they
    // can come a moment after the CLI returns.
    await waitFor(async () => (await get()).body.usedBy?.length === 2 || undefined, 5000, "both users");
    const res = await get();

    expect(res.status).toBe(200);
    expect(res.body.size).toBe(102_400);
    expect(res.body.refCount).toBe(2);
    const users = res.body.usedBy
      .map((u) => ({ name: u.name, destination: u.destination, rw: u.rw }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(users).toEqual([
      { name: `${P}-reader`, destination: "/mnt/ro", rw: false },
      { name: `${P}-writer`, destination: "/data", rw: true },
    ]);
    const cliUsers = (await docker(host, "ps", "-a", "--filter", `volume=${name}`, "--format", "{{.Names}}"))
      .split("\n")
      .sort();
    expect(users.map((u) => u.name)).toEqual(cliUsers);
  });

  it("refuses to remove a volume in use with the engine's message, and says force does not override it", async () => {
    const name = `${P}-b`;

    const plain = await admin.send<ErrorBody>("DELETE", `${baseOn(host)}/${name}`);
    const forced = await admin.send<ErrorBody>("DELETE", `${baseOn(host)}/${name}?force=1`);

    // The engine's own words: Docker's "volume is in use", Podman's "is being used by the following container(s)".
    const inUse = host === PODMAN_ID ? /is being used by the following container/ : /volume is in use/;
    expect(plain.status).toBe(409);
    expect(plain.body.error.message).toMatch(inUse);
    expect(forced.status).toBe(409);
    expect(forced.body.error.message).toMatch(new RegExp(`${inUse.source}.*force does not override this`));
    expect(await cliVolumes(host)).toContain(name);
  });

  it("removes a volume once nothing uses it", async () => {
    const name = `${P}-c`;
    await admin.send("POST", baseOn(host), { Name: name, Labels: labels });

    const res = await admin.send("DELETE", `${baseOn(host)}/${name}`);

    expect(res.status).toBe(200);
    expect(await cliVolumes(host)).not.toContain(name);
    expect((await admin.get<ErrorBody>(`${baseOn(host)}/${name}`)).status).toBe(404);
  });
});

describe("volumes", () => {
  it.each([
    [{ Name: "bad name", Labels: labels }, 400, /^Name:/],
    [{ Name: "x", Labels: labels }, 400, /^Name:/],
    [{ Name: `${P}-d`, Driver: "not a driver", Labels: labels }, 400, /^Driver:/],
    [{ Name: `${P}-d`, Labels: { "bad key": "v" } }, 400, /^Labels/],
    [{ Name: `${P}-d`, Labels: labels, DriverOpts: { o: 5 } }, 400, /^DriverOpts\.o:/],
    [{ Name: `${P}-d`, Labels: labels, Mountpoint: "/etc" }, 400, /Mountpoint/],
    [
      { Name: `${P}-d`, Labels: labels, Driver: "wharf-no-such-plugin" },
      404,
      /plugin "wharf-no-such-plugin" not found/,
    ],
  ])("refuses %j, and nothing is created", async (body, status, message) => {
    const res = await admin.send<ErrorBody>("POST", base, body);

    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await cliVolumes()).not.toContain(`${P}-d`);
  });

  it("answers 409 to a duplicate name with other options, and leaves the existing volume as it was", async () => {
    const name = `${P}-a`;

    const res = await admin.send<ErrorBody & { error: { details: { differences: string[] } } }>(
      "POST",
      base,
      {
        Name: name,
        Labels: labels,
      },
    );

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already exists .* different options, labels/);
    expect((await inspect(name)).Labels).toEqual({ ...labels, tier: "db" });
  });

  it("prunes only unused volumes that carry the label, and says why `all` is needed on this engine", async () => {
    const unused = `${P}-unused`;
    await admin.send("POST", base, { Name: unused, Labels: labels });
    await docker(
      "local",
      "run",
      "--rm",
      "--network",
      "none",
      "-v",
      `${unused}:/data`,
      "local/busybox:1.35",
      "sh",
      "-c",
      "dd if=/dev/zero of=/data/f bs=1024 count=64 2>/dev/null",
    );

    const refused = await admin.send<ErrorBody>("POST", `${base}/prune`, { filters: { label: [LABEL] } });
    const res = await admin.send<VolumePruneResult>("POST", `${base}/prune`, {
      all: true,
      filters: { label: [LABEL] },
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^all: this engine \(API 1\.41\) prunes named volumes too/);
    expect(res.status).toBe(200);
    // `-a` has driver options: the engine never prunes those, as its list entry says.
    expect(res.body.deleted).toEqual([unused]);
    expect(res.body.spaceReclaimed).toBe(65_536);
    expect(res.body.covered).toBe("all-unused");
    expect((await cliVolumes()).sort()).toEqual([`${P}-a`, `${P}-b`]);
  });

  it("records create, remove and prune in the audit log", async () => {
    const actions = async (a: string) =>
      (
        await admin.get<{ items: { action: string; target?: string; result: string }[] }>(
          `/api/v1/audit?action=${a}`,
        )
      ).body.items;

    expect((await actions("volume.create")).some((e) => e.target === `${P}-a` && e.result === "ok")).toBe(
      true,
    );
    expect((await actions("volume.remove")).some((e) => e.target === `${P}-b` && e.result === "error")).toBe(
      true,
    );
    expect((await actions("volume.prune")).length).toBeGreaterThan(0);
  });
});

describe("volume events over socket.io", () => {
  it("tells the browser when a volume is created and destroyed, but not label-scoped or other hosts' sockets", async () => {
    const name = `${P}-ev`;
    const scoped = await userClient(srv.base, admin, {
      username: `${P}-evscoped`,
      role: "viewer",
      labelSelector: "team=x",
    });
    const edgeOnly = await userClient(srv.base, admin, {
      username: `${P}-evedge`,
      role: "viewer",
      hosts: ["edge"],
    });
    const socket = await connectSocket(srv.base, admin.cookie);
    const scopedSocket = await connectSocket(srv.base, scoped.cookie);
    const edgeSocket = await connectSocket(srv.base, edgeOnly.cookie);
    const seen: EngineObjectEvent[] = [];
    const scopedSeen: EngineObjectEvent[] = [];
    const edgeSeen: EngineObjectEvent[] = [];
    socket.on("engine:event", (e) => seen.push(e));
    scopedSocket.on("engine:event", (e) => scopedSeen.push(e));
    edgeSocket.on("engine:event", (e) => edgeSeen.push(e));
    try {
      await docker("local", "volume", "create", "--label", LABEL, name);
      await docker("local", "volume", "rm", name);

      const destroyed = await waitFor(
        () => seen.find((e) => e.id === name && e.action === "destroy"),
        10_000,
        "the volume's destroy event",
      );

      expect(seen.find((e) => e.id === name && e.action === "create")).toMatchObject({
        hostId: "local",
        type: "volume",
      });
      expect(destroyed).toMatchObject({ hostId: "local", type: "volume" });
      expect(scopedSeen.filter((e) => e.id === name)).toEqual([]);
      expect(edgeSeen.filter((e) => e.hostId === "local")).toEqual([]);
    } finally {
      socket.close();
      scopedSocket.close();
      edgeSocket.close();
    }
  });
});

describe("volume permissions and label scope", () => {
  let viewer: Client;
  let scoped: Client;

  beforeAll(async () => {
    viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });
    scoped = await userClient(srv.base, admin, {
      username: `${P}-scoped`,
      role: "operator",
      labelSelector: `team=${RUN_ID}`,
    });
  });

  it("lets a viewer list but not create, remove or prune", async () => {
    expect((await viewer.get(base)).status).toBe(200);
    expect((await viewer.send("POST", base, { Name: `${P}-v`, Labels: labels })).status).toBe(403);
    expect((await viewer.send("DELETE", `${base}/${P}-b`)).status).toBe(403);
    expect((await viewer.send("POST", `${base}/prune`, { all: true })).status).toBe(403);
    expect(await cliVolumes()).not.toContain(`${P}-v`);
  });

  it("refuses an operator a volume backed by a host path, and lets an admin make one", async () => {
    const operator = await userClient(srv.base, admin, { username: `${P}-op`, role: "operator" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${P}-bind-`));
    for (const DriverOpts of [
      { type: "none", o: "bind", device: dir },
      { type: "tmpfs", device: dir },
    ]) {
      const r = await operator.send<{ error: { message: string } }>("POST", base, {
        Name: `${P}-hostpath`,
        Labels: labels,
        DriverOpts,
      });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/^DriverOpts: only an admin may/);
      expect(await cliVolumes()).not.toContain(`${P}-hostpath`);
    }
    // Options that keep the data in the engine's own storage stay open to operators.
    const plain = await operator.send("POST", base, {
      Name: `${P}-tmpfs`,
      Labels: labels,
      DriverOpts: { type: "tmpfs", device: "tmpfs", o: "size=1m" },
    });
    expect(plain.status).toBe(201);
    const byAdmin = await admin.send("POST", base, {
      Name: `${P}-hostpath`,
      Labels: labels,
      DriverOpts: { type: "none", o: "bind", device: dir },
    });
    expect(byAdmin.status).toBe(201);
    expect(await cliVolumes()).toEqual(expect.arrayContaining([`${P}-hostpath`, `${P}-tmpfs`]));
    for (const name of [`${P}-hostpath`, `${P}-tmpfs`]) {
      expect((await admin.send("DELETE", `${base}/${name}`)).status).toBe(200);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers 404 for a host outside the caller's scope, and lists only hosts in it", async () => {
    const edgeOnly = await userClient(srv.base, admin, {
      username: `${P}-edge`,
      role: "operator",
      hosts: ["edge"],
    });

    const local = await edgeOnly.get<ErrorBody>(base);
    const create = await edgeOnly.send<ErrorBody>("POST", base, { Name: `${P}-x`, Labels: labels });
    const all = await edgeOnly.get<VolumeList>("/api/v1/volumes");

    expect(local.status).toBe(404);
    expect(create.status).toBe(404);
    expect(new Set(all.body.items.map((v) => v.hostId))).not.toContain("local");
    expect(await cliVolumes()).not.toContain(`${P}-x`);
  });

  it("shows a label-scoped principal only volumes with its label, labels what it creates, and limits its prunes", async () => {
    const own = `${P}-team`;

    const created = await scoped.send<VolumeSummary>("POST", base, { Name: own, Labels: labels });
    const ownLabels = (await inspect(own)).Labels;
    const list = await scoped.get<VolumeList>(base);
    const outside = await scoped.get<ErrorBody>(`${base}/${P}-b`);
    const removeOutside = await scoped.send<ErrorBody>("DELETE", `${base}/${P}-b`);
    const pruned = await scoped.send<VolumePruneResult>("POST", `${base}/prune`, {
      all: true,
      filters: { label: [LABEL] },
    });

    expect(created.status).toBe(201);
    expect(ownLabels).toEqual({ ...labels, team: RUN_ID });
    expect(list.body.items.map((v) => v.name)).toEqual([own]);
    expect(outside.status).toBe(404);
    expect(removeOutside.status).toBe(404);
    expect(pruned.body.deleted).toEqual([own]);
    expect((await cliVolumes()).sort()).toEqual([`${P}-a`, `${P}-b`]);
  });
});
