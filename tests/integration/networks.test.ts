import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineObjectEvent } from "../../lib/realtime/events";
import type { NetworkList, NetworkPruneResult, NetworkSummary } from "../../lib/networks";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-net`;
const LABEL = `wharf.test=${RUN_ID}`;
const labels = { "wharf.test": RUN_ID };
const base = "/api/v1/hosts/local/networks";
// A subnet per run, so parallel runs on the shared engines do not overlap each other.
const second = Math.floor(Math.random() * 100);
const third = Math.floor(Math.random() * 256);
const NET = `10.${150 + second}.${third}`;
const SUBNET = `${NET}.0/24`;
// Another /24 that is never the same as NET.
const NET2 = `10.${150 + ((second + 1) % 100)}.${third}`;

interface ErrorBody {
  error: { code: string; message: string };
}

const cliNetworks = async () =>
  (await docker("local", "network", "ls", "--filter", `label=${LABEL}`, "--format", "{{.Name}}"))
    .split("\n")
    .filter(Boolean)
    .sort();
const inspectNetwork = async (name: string) =>
  (JSON.parse(await docker("local", "network", "inspect", name)) as unknown[])[0] as {
    Id: string;
    Internal: boolean;
    Driver: string;
    IPAM: { Config: { Subnet: string; Gateway?: string }[] };
    Labels: Record<string, string>;
  };
const endpointOf = async (container: string, network: string) => {
  const nets = JSON.parse(
    await docker("local", "inspect", "--format", "{{json .NetworkSettings.Networks}}", container),
  ) as Record<string, { Aliases: string[] | null; IPAddress: string; MacAddress: string }>;
  return nets[network];
};

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin, ["local"]);
});

afterAll(async () => {
  await removeByPrefix(P);
  const left = await cliNetworks().catch(() => []);
  if (left.length) await docker("local", "network", "rm", ...left).catch(() => "");
  await srv?.stop();
});

describe("networks", () => {
  it("creates an internal bridge with a subnet and gateway, as docker network inspect shows", async () => {
    const name = `${P}-a`;

    const res = await admin.send<NetworkSummary>("POST", base, {
      Name: name,
      Internal: true,
      Labels: { ...labels, tier: "db" },
      IPAM: { Config: [{ Subnet: SUBNET, Gateway: `${NET}.1` }] },
    });

    expect(res.status).toBe(201);
    const cli = await inspectNetwork(name);
    expect(cli).toMatchObject({
      Driver: "bridge",
      Internal: true,
      IPAM: { Config: [{ Subnet: SUBNET, Gateway: `${NET}.1` }] },
      Labels: { ...labels, tier: "db" },
    });
    expect(res.body).toMatchObject({ id: cli.Id, name, driver: "bridge", internal: true, predefined: false });
    const listed = (await admin.get<NetworkList>(base)).body.items.find((n) => n.name === name);
    expect(listed).toMatchObject({
      hostId: "local",
      scope: "local",
      internal: true,
      attachable: false,
      ipam: [{ subnet: SUBNET, gateway: `${NET}.1` }],
      labels: { ...labels, tier: "db" },
      containers: [],
    });
    expect(listed?.created).toBeGreaterThan(Date.now() - 5 * 60_000);
    const all = await admin.get<NetworkList>("/api/v1/networks");
    expect(all.body.errors).toEqual([]);
    expect(all.body.items.filter((n) => n.name === name).map((n) => n.hostId)).toEqual(["local"]);
    expect(all.body.items.some((n) => n.hostId === "edge" && n.name === "none" && n.predefined)).toBe(true);
  });

  it("connects a container with aliases and a fixed address, as docker inspect shows", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const seen: EngineObjectEvent[] = [];
    socket.on("engine:event", (e) => seen.push(e));
    const second = `${P}-b`;
    await admin.send("POST", base, { Name: second, Internal: true, Labels: labels });
    await docker(
      "local",
      "run",
      "-d",
      "--network",
      second,
      "--name",
      `${P}-c1`,
      "--label",
      LABEL,
      "local/idle:1",
    );

    const res = await admin.send("POST", `${base}/${P}-a/connect`, {
      container: `${P}-c1`,
      aliases: ["db", "db.internal"],
      ipv4Address: `${NET}.50`,
    });

    expect(res.status).toBe(200);
    const ep = await endpointOf(`${P}-c1`, `${P}-a`);
    expect(ep?.IPAddress).toBe(`${NET}.50`);
    expect(ep?.Aliases).toEqual(expect.arrayContaining(["db", "db.internal"]));
    const net = await admin.get<NetworkSummary>(`${base}/${P}-a`);
    expect(net.body.containers).toEqual([
      {
        containerId: expect.stringMatching(/^[0-9a-f]{64}$/),
        name: `${P}-c1`,
        state: "running",
        ipv4Address: `${NET}.50/24`,
        macAddress: ep?.MacAddress,
        aliases: ["db", "db.internal"],
      },
    ]);
    const connected = await waitFor(
      () => seen.find((e) => e.type === "network" && e.action === "connect" && e.name === `${P}-a`),
      10_000,
      "the network's connect event",
    );
    socket.close();
    expect(connected).toMatchObject({
      hostId: "local",
      id: net.body.id,
      containerId: net.body.containers[0]?.containerId,
    });
  });

  it("lists a container that was created on the network but never started", async () => {
    const name = `${P}-created`;
    await docker(
      "local",
      "create",
      "--network",
      `${P}-a`,
      "--network-alias",
      "later",
      "--name",
      name,
      "--label",
      LABEL,
      "local/idle:1",
    );
    try {
      const net = await admin.get<NetworkSummary>(`${base}/${P}-a`);
      expect(net.body.containers.find((c) => c.name === name)).toMatchObject({
        state: "created",
        aliases: ["later"],
      });
      const list = await admin.get<NetworkList>(base);
      const listed = list.body.items.find((n) => n.name === `${P}-a`);
      expect(listed?.containers.map((c) => c.name)).toContain(name);
    } finally {
      await docker("local", "rm", "-f", name);
    }
  });

  it("refuses a fixed address outside the network's subnet naming the field, and an endpoint twice with 409", async () => {
    const outside = await admin.send<ErrorBody>("POST", `${base}/${P}-a/connect`, {
      container: `${P}-c1`,
      ipv4Address: `${NET2}.9`,
    });
    const twice = await admin.send<ErrorBody>("POST", `${base}/${P}-a/connect`, { container: `${P}-c1` });

    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe(
      `ipv4Address: ${NET2}.9 is outside the network's subnets (${SUBNET})`,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already exists in network/);
    expect((await endpointOf(`${P}-c1`, `${P}-a`))?.IPAddress).toBe(`${NET}.50`);
  });

  it("refuses to remove a network with an attached container, with the engine's message", async () => {
    const res = await admin.send<ErrorBody>("DELETE", `${base}/${P}-a`);

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/has active endpoints/);
    expect(await cliNetworks()).toContain(`${P}-a`);
  });

  it("disconnects the container, after which the network can be removed", async () => {
    const off = await admin.send("POST", `${base}/${P}-a/disconnect`, { container: `${P}-c1` });
    const again = await admin.send<ErrorBody>("POST", `${base}/${P}-a/disconnect`, { container: `${P}-c1` });
    const removed = await admin.send("DELETE", `${base}/${P}-a`);

    expect(off.status).toBe(200);
    expect(await endpointOf(`${P}-c1`, `${P}-a`)).toBeUndefined();
    expect(await endpointOf(`${P}-c1`, `${P}-b`)).toBeDefined();
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.body.error.message).toMatch(/is not connected to network/);
    expect(removed.status).toBe(200);
    expect(await cliNetworks()).not.toContain(`${P}-a`);
  });

  it.each(["bridge", "host", "none"])(
    "refuses to remove the predefined network %s with 400",
    async (name) => {
      const res = await admin.send<ErrorBody>("DELETE", `${base}/${name}`);

      // With --bridge=none the engine has no "bridge" network: then it is simply not found.
      if (name === "bridge" && res.status === 404) return;
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(`id: ${name} is a predefined network and cannot be removed`);
    },
  );

  it.each([
    [
      { Name: `${P}-x`, Internal: true, IPAM: { Config: [{ Subnet: `${NET2}.0/24`, Gateway: `${NET}.1` }] } },
      400,
      /^IPAM\.Config\.0\.Gateway: .* is outside the subnet/,
    ],
    [
      { Name: `${P}-x`, Internal: true, IPAM: { Config: [{ Subnet: "10.0.0.0/33" }] } },
      400,
      /^IPAM\.Config\.0\.Subnet:/,
    ],
    [
      { Name: `${P}-x`, Internal: true, IPAM: { Config: [{ Subnet: "not-a-cidr" }] } },
      400,
      /^IPAM\.Config\.0\.Subnet:/,
    ],
    [{ Name: `${P}-x`, Internal: true, Driver: "overlay" }, 400, /^Driver:/],
    [{ Name: "bad name", Internal: true }, 400, /^Name:/],
    [{ Name: `${P}-x`, Internal: "yes" }, 400, /^Internal:/],
    [{ Name: `${P}-b`, Internal: true }, 409, /already exists/],
  ])("refuses %j, and nothing is created", async (body, status, message) => {
    const res = await admin.send<ErrorBody>("POST", base, { Labels: labels, ...body });

    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await cliNetworks()).not.toContain(`${P}-x`);
  });

  it("answers an overlapping subnet with the engine's message, and creates nothing", async () => {
    const taken = (await inspectNetwork(`${P}-b`)).IPAM.Config[0]?.Subnet as string;

    const res = await admin.send<ErrorBody>("POST", base, {
      Name: `${P}-x`,
      Internal: true,
      Labels: labels,
      IPAM: { Config: [{ Subnet: taken }] },
    });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("Pool overlaps with other one on this address space");
    expect(await cliNetworks()).not.toContain(`${P}-x`);
  });

  it("prunes only unused networks carrying the label, keeping one a running container uses", async () => {
    await admin.send("POST", base, { Name: `${P}-unused`, Internal: true, Labels: labels });

    const res = await admin.send<NetworkPruneResult>("POST", `${base}/prune`, {
      filters: { label: [LABEL] },
    });

    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual([`${P}-unused`]);
    expect(await cliNetworks()).toEqual([`${P}-b`]);
  });

  it("records the network actions in the audit log", async () => {
    const items = (
      await admin.get<{ items: { action: string; target?: string; result: string }[] }>(
        "/api/v1/audit?action=network.",
      )
    ).body.items;
    const seen = new Set(items.filter((e) => e.result === "ok").map((e) => e.action));

    expect([...seen].sort()).toEqual([
      "network.connect",
      "network.create",
      "network.disconnect",
      "network.prune",
      "network.remove",
    ]);
    expect(
      items.some((e) => e.action === "network.remove" && e.target === `${P}-a` && e.result === "error"),
    ).toBe(true);
  });
});

describe("network permissions and label scope", () => {
  it("lets a viewer list but not create, connect or prune", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });

    expect((await viewer.get(base)).status).toBe(200);
    expect((await viewer.send("POST", base, { Name: `${P}-x`, Internal: true, Labels: labels })).status).toBe(
      403,
    );
    expect((await viewer.send("POST", `${base}/${P}-b/connect`, { container: `${P}-c1` })).status).toBe(403);
    expect((await viewer.send("POST", `${base}/prune`, {})).status).toBe(403);
    expect(await cliNetworks()).toEqual([`${P}-b`]);
  });

  it("shows a label-scoped principal only its networks and containers, and keeps it from others'", async () => {
    const scoped = await userClient(srv.base, admin, {
      username: `${P}-scoped`,
      role: "operator",
      labelSelector: `team=${RUN_ID}`,
    });

    const created = await scoped.send<NetworkSummary>("POST", base, {
      Name: `${P}-team`,
      Internal: true,
      Labels: labels,
    });
    const list = await scoped.get<NetworkList>(base);
    const other = await scoped.get(`${base}/${P}-b`);
    const connect = await scoped.send<ErrorBody>("POST", `${base}/${P}-team/connect`, {
      container: `${P}-c1`,
    });
    const pruned = await scoped.send<NetworkPruneResult>("POST", `${base}/prune`, {});

    expect(created.status).toBe(201);
    expect(created.body.labels).toEqual({ ...labels, team: RUN_ID });
    expect(list.body.items.map((n) => n.name)).toEqual([`${P}-team`]);
    expect(other.status).toBe(404);
    expect(connect.status).toBe(404);
    expect(pruned.body.deleted).toEqual([`${P}-team`]);
    expect(await cliNetworks()).toEqual([`${P}-b`]);
  });
});
