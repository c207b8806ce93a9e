import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specToCreateBody } from "../../lib/container-spec/create-body";
import type { ContainerSpec } from "../../lib/container-spec/types";
import type { AuditEntry } from "../../lib/types";
import {
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  startServer,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-rc`;
const APP = `${P}-app`;
const VOL = `${P}-vol`;
const NET = `${P}-net`;
const NET2 = `${P}-net2`;
const LABEL = `wharf.test=${RUN_ID}`;

interface Inspect {
  Id: string;
  Name: string;
  Config: { Env: string[]; Labels: Record<string, string> };
  HostConfig: { Binds: string[] | null; CapAdd: string[] | null; Tmpfs?: Record<string, string> };
  State: { Running: boolean };
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
}
const inspect = async (ref: string) =>
  (JSON.parse(await docker("local", "inspect", ref)) as Inspect[])[0] as Inspect;
const names = async () =>
  (await docker("local", "ps", "-a", "--format", "{{.Names}}", "--filter", `name=${P}`))
    .split("\n")
    .filter(Boolean)
    .sort();

/** What must not change when a recreate fails: identity, state, env, mounts, networks, labels. */
const fingerprint = (c: Inspect) => ({
  id: c.Id,
  name: c.Name,
  running: c.State.Running,
  env: c.Config.Env,
  labels: c.Config.Labels,
  binds: c.HostConfig.Binds,
  tmpfs: c.HostConfig.Tmpfs,
  networks: Object.fromEntries(Object.entries(c.NetworkSettings.Networks).map(([n, e]) => [n, e.Aliases])),
});

async function specOf(ref: string): Promise<ContainerSpec> {
  const res = await admin.get<{ spec: ContainerSpec }>(`/api/v1/hosts/local/containers/${ref}/spec`);
  expect(res.status).toBe(200);
  return res.body.spec;
}

const recreate = (ref: string, body: unknown) =>
  admin.send<{ id: string; oldId: string; changed: string[]; error?: { code: string; message: string } }>(
    "POST",
    `/api/v1/hosts/local/containers/${ref}/recreate`,
    body,
  );

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  await docker("local", "volume", "create", "--label", LABEL, VOL);
  await docker("local", "network", "create", "--internal", "--label", LABEL, NET);
  await docker("local", "network", "create", "--internal", "--label", LABEL, NET2);
  // Made with the CLI: a capability the form does not hold must survive the recreate too.
  await docker(
    "local",
    "create",
    "--name",
    APP,
    "--network",
    NET,
    "--network-alias",
    "app-alias",
    "-e",
    "MODE=v1",
    "-e",
    "KEEP=same",
    "-v",
    `${VOL}:/data:ro,z`,
    "--tmpfs",
    "/scratch:size=1m",
    "--label",
    LABEL,
    "--label",
    "tier=web",
    "--cap-add",
    "NET_ADMIN",
    "local/idle:1",
  );
  await docker("local", "network", "connect", "--alias", "app-two", NET2, APP);
  await docker("local", "start", APP);
});

afterAll(async () => {
  await removeByPrefix(P);
  for (const n of [NET, NET2]) await docker("local", "network", "rm", n).catch(() => "");
  await docker("local", "volume", "rm", VOL).catch(() => "");
  await srv?.stop();
});

describe("recreate", () => {
  it("swaps in a container with the new env, keeping mounts and modes, aliases, labels and other settings", async () => {
    const before = await inspect(APP);
    const spec = await specOf(APP);
    expect(spec.networks).toEqual([{ name: NET2, aliases: ["app-two"] }]);
    spec.env = spec.env.map((e) => (e.key === "MODE" ? { ...e, value: "v2" } : e));

    const res = await recreate(APP, { config: specToCreateBody(spec).config });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toEqual(["env"]);
    expect(res.body.oldId).toBe(before.Id);
    const after = await inspect(APP);
    expect(after.Id).toBe(res.body.id);
    expect(after.Id).not.toBe(before.Id);
    expect(after.State.Running).toBe(true);
    expect(after.Config.Env).toEqual(expect.arrayContaining(["MODE=v2", "KEEP=same"]));
    expect(after.Config.Env).not.toContain("MODE=v1");
    expect(after.HostConfig.Binds).toEqual([`${VOL}:/data:ro,z`]);
    expect(after.HostConfig.Tmpfs).toEqual({ "/scratch": "size=1m" });
    expect(before.HostConfig.CapAdd?.join()).toMatch(/NET_ADMIN/);
    expect(after.HostConfig.CapAdd).toEqual(before.HostConfig.CapAdd);
    expect(after.Config.Labels).toMatchObject({ "wharf.test": RUN_ID, tier: "web" });
    expect(after.NetworkSettings.Networks[NET]?.Aliases).toContain("app-alias");
    expect(after.NetworkSettings.Networks[NET2]?.Aliases).toContain("app-two");
    await expect(docker("local", "inspect", before.Id)).rejects.toThrow(/No such/i);
    expect(await names()).toEqual([APP]);
  });

  it("audits container.recreate with before, after and what changed", async () => {
    const res = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.recreate");
    const entry = res.body.items.find((e) => e.target === APP && e.result === "ok");

    const params = entry?.params as { before: { id: string }; after: { id: string }; changed: string[] };
    expect(params.changed).toEqual(["env"]);
    expect(params.before.id).not.toBe(params.after.id);
    expect(JSON.stringify(params)).not.toContain("MODE=v2");
  });

  it("leaves the old container running and unchanged when the new image is not there", async () => {
    const before = fingerprint(await inspect(APP));
    const spec = await specOf(APP);

    const res = await recreate(APP, {
      config: specToCreateBody({ ...spec, image: `local/${P}-nope:1` }).config,
    });

    expect(res.status).toBe(404);
    expect(res.body.error?.message).toContain(`local/${P}-nope:1`);
    expect(fingerprint(await inspect(APP))).toEqual(before);
    expect(await names()).toEqual([APP]);
  });

  it("puts the old container back when the new one cannot start, with the engine's message", async () => {
    const before = fingerprint(await inspect(APP));
    const spec = await specOf(APP);

    const res = await recreate(APP, {
      config: specToCreateBody({ ...spec, entrypoint: ["/no/such/binary"] }).config,
    });

    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.error?.message).toMatch(/no such file|not found|executable/i);
    expect(fingerprint(await inspect(APP))).toEqual(before);
    expect(await names()).toEqual([APP]);
  });

  it("puts the old container back when the engine refuses the create itself", async () => {
    const before = fingerprint(await inspect(APP));
    const { config } = specToCreateBody(await specOf(APP));
    const hostConfig = config.HostConfig ?? {};
    // A bind mount of a path that does not exist is refused by the engine (a -v bind would make it).
    hostConfig.Mounts = [{ Type: "bind", Source: `/nonexistent/${P}`, Target: "/mnt" }];

    const res = await recreate(APP, { config: { ...config, HostConfig: hostConfig } });

    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/bind source path does not exist/);
    expect(fingerprint(await inspect(APP))).toEqual(before);
    expect(await names()).toEqual([APP]);
  });

  it("answers 400 naming the field before touching anything", async () => {
    const before = fingerprint(await inspect(APP));

    const res = await recreate(APP, {
      config: { Image: "local/idle:1", HostConfig: { Binds: ["rel:/x:bogus"] } },
    });

    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^config\.HostConfig\.Binds\.0: /);
    expect(fingerprint(await inspect(APP))).toEqual(before);
  });

  it("refuses a running --rm container, which stopping would remove for good", async () => {
    const id = await docker(
      "local",
      "run",
      "-d",
      "--rm",
      "--network",
      "none",
      "--name",
      `${P}-rm`,
      "local/idle:1",
    );

    const res = await recreate(`${P}-rm`, {
      config: { Image: "local/idle:1", HostConfig: { NetworkMode: "none" } },
    });

    expect(res.status).toBe(409);
    expect(res.body.error?.message).toMatch(/--rm/);
    expect((await inspect(`${P}-rm`)).Id).toBe(id);
    expect((await inspect(`${P}-rm`)).State.Running).toBe(true);
  });

  it("answers 404 for a container that does not exist", async () => {
    const res = await recreate(`${P}-ghost`, { config: { Image: "local/idle:1" } });

    expect(res.status).toBe(404);
  });
});
