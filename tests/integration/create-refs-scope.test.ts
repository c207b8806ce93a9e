import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

/**
 * A create body names more than containers: volumes, networks and the image. A team limited to a
 * label must not reach another team's data, services or image contents through any of them.
 */
let srv: TestServer;
let admin: Client;
let teamA: Client;
const P = `${RUN_ID}-cr`;
const A = `${P}a`;
const B = `${P}b`;

type ErrorReply = { error: { code: string; message: string } };

const body = (name: string, config: Record<string, unknown>) => ({
  name,
  config: { Image: "local/idle:1", Labels: { team: A }, HostConfig: { NetworkMode: "none" }, ...config },
});

/** Containers of this run on the local engine, as the CLI sees them. */
const cliContainers = async () =>
  (await docker("local", "ps", "-a", "--format", "{{.Names}}", "--filter", `name=${P}`))
    .split("\n")
    .filter(Boolean);

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  teamA = await userClient(srv.base, admin, {
    username: `${P}-ops-a`,
    role: "operator",
    hosts: ["local"],
    labelSelector: `team=${A}`,
  });
  await docker("local", "volume", "create", "--label", `team=${B}`, `${P}-vb`);
  await docker("local", "volume", "create", "--label", `team=${A}`, `${P}-va`);
  await docker("local", "network", "create", "--internal", "--label", `team=${B}`, `${P}-nb`);
  await docker("local", "network", "create", "--internal", "--label", `team=${A}`, `${P}-na`);
  // An image team B brought in through Wharf, so it is recorded as B's.
  const teamB = await userClient(srv.base, admin, {
    username: `${P}-ops-b`,
    role: "operator",
    hosts: ["local"],
    labelSelector: `team=${B}`,
  });
  const built = await teamB.send("POST", "/api/v1/hosts/local/images/build", {
    dockerfile: `FROM local/busybox:1.35\nLABEL run=${P}\n`,
    tags: [`${P}-bimg:1`],
    labels: { "wharf.test": P },
  });
  expect(built.status, JSON.stringify(built.body)).toBe(200);
});

afterAll(async () => {
  await removeByPrefix(P);
  for (const v of [`${P}-vb`, `${P}-va`, `${P}-new`])
    await docker("local", "volume", "rm", "-f", v).catch(() => "");
  for (const n of [`${P}-nb`, `${P}-na`]) await docker("local", "network", "rm", n).catch(() => "");
  await docker("local", "rmi", "-f", `${P}-bimg:1`).catch(() => "");
  await srv?.stop();
});

describe("what a label-scoped create body may name", () => {
  it("refuses another team's named volume, in Binds and in Mounts, naming the field", async () => {
    const binds = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x1`, { HostConfig: { NetworkMode: "none", Binds: [`${P}-vb:/data`] } }),
    );
    expect(binds.status).toBe(404);
    expect(binds.body.error.message).toBe(
      `config.HostConfig.Binds[0]: volume "${P}-vb" is not in your scope`,
    );
    const mounts = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x2`, {
        HostConfig: { NetworkMode: "none", Mounts: [{ Type: "volume", Source: `${P}-vb`, Target: "/data" }] },
      }),
    );
    expect(mounts.status).toBe(404);
    expect(mounts.body.error.message).toMatch(/^config\.HostConfig\.Mounts\[0\]\.Source: volume/);
    expect(await cliContainers()).toEqual([]);
  });

  it("refuses another team's network, by NetworkMode and by EndpointsConfig", async () => {
    const mode = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x3`, { HostConfig: { NetworkMode: `${P}-nb` } }),
    );
    expect(mode.status).toBe(404);
    expect(mode.body.error.message).toBe(
      `config.HostConfig.NetworkMode: network "${P}-nb" is not in your scope`,
    );
    const endpoints = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x4`, { NetworkingConfig: { EndpointsConfig: { [`${P}-nb`]: {} } } }),
    );
    expect(endpoints.status).toBe(404);
    expect(await cliContainers()).toEqual([]);
  });

  it("refuses to run another team's own image, worded exactly like a missing one", async () => {
    const theirs = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x5`, { Image: `${P}-bimg:1` }),
    );
    const missing = await teamA.send<ErrorReply>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-x6`, { Image: `${P}-nope:1` }),
    );
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body.error.message).toBe(`image ${P}-bimg:1 is not on host local; pull it first`);
    expect(missing.body.error.message).toBe(`image ${P}-nope:1 is not on host local; pull it first`);
    expect(await cliContainers()).toEqual([]);
  });

  it("creates with its own volume and network, a new volume, and a shared base image", async () => {
    const ok = await teamA.send<{ id: string }>(
      "POST",
      "/api/v1/hosts/local/containers",
      body(`${P}-ok`, {
        HostConfig: { NetworkMode: `${P}-na`, Binds: [`${P}-va:/data`, `${P}-new:/new`] },
      }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const mounts = await docker("local", "inspect", "-f", "{{range .Mounts}}{{.Name}} {{end}}", `${P}-ok`);
    expect(mounts.split(" ").filter(Boolean).sort()).toEqual([`${P}-new`, `${P}-va`].sort());
    expect(await docker("local", "inspect", "-f", "{{.HostConfig.NetworkMode}}", `${P}-ok`)).toBe(`${P}-na`);
  });
});
