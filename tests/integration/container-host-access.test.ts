import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerSpecView } from "../../lib/container-spec/api-types";
import { specToCreateBody } from "../../lib/container-spec/create-body";
import type { AuditEntry } from "../../lib/types";
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

let srv: TestServer;
let admin: Client;
let operator: Client;
let dir: string;
const P = `${RUN_ID}-ha`;
const VOL = `${P}-vol`;
const NET = `${P}-net`;
const BIND_VOL = `${P}-bindvol`;
const LABEL = `wharf.test=${RUN_ID}`;
const CONTAINERS = "/api/v1/hosts/local/containers";

interface Inspect {
  Id: string;
  Name: string;
  State: { Running: boolean; StartedAt: string };
  Config: { Env: string[] | null; Image: string };
  HostConfig: Record<string, unknown> & { Binds: string[] | null; Privileged: boolean };
}
const inspect = async (ref: string) =>
  (JSON.parse(await docker("local", "inspect", ref)) as Inspect[])[0] as Inspect;
const namesLike = async (prefix: string) =>
  (await docker("local", "ps", "-a", "--format", "{{.Names}}", "--filter", `name=${prefix}`))
    .split("\n")
    .filter(Boolean)
    .sort();
/** What a refused recreate must leave as it was. */
const fingerprint = (c: Inspect) => ({
  id: c.Id,
  name: c.Name,
  running: c.State.Running,
  startedAt: c.State.StartedAt,
  env: c.Config.Env,
  binds: c.HostConfig.Binds,
  privileged: c.HostConfig.Privileged,
});

type ErrorBody = { error: { code: string; message: string; details?: { hostAccess?: unknown[] } } };
const idle = (HostConfig: Record<string, unknown>) => ({
  Image: "local/idle:1",
  Labels: { "wharf.test": RUN_ID },
  HostConfig: { NetworkMode: "none", ...HostConfig },
});

async function specOf(client: Client, ref: string): Promise<ContainerSpecView> {
  const res = await client.get<ContainerSpecView>(`${CONTAINERS}/${ref}/spec`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  operator = await userClient(srv.base, admin, { username: `${P}-op`, role: "operator" });
  dir = await mkdtemp(path.join(tmpdir(), `${P}-`));
  await writeFile(path.join(dir, "hello.txt"), "from the host\n");
  await docker("local", "volume", "create", "--label", LABEL, VOL);
  await docker("local", "network", "create", "--internal", "--label", LABEL, NET);
});

afterAll(async () => {
  await removeByPrefix(P);
  await docker("local", "network", "rm", NET).catch(() => "");
  await docker("local", "volume", "rm", VOL).catch(() => "");
  await docker("local", "volume", "rm", BIND_VOL).catch(() => "");
  if (dir) await rm(dir, { recursive: true, force: true });
  await srv?.stop();
});

describe("an operator's create", () => {
  it.each([
    ["privileged", () => idle({ Privileged: true }), "config.HostConfig.Privileged", /privileged/],
    ["a bind mount", () => idle({ Binds: [`${dir}:/host:ro`] }), "config.HostConfig.Binds[0]", /host path/],
    [
      "a bind in Mounts",
      () => idle({ Mounts: [{ Type: "bind", Source: dir, Target: "/host" }] }),
      "config.HostConfig.Mounts[0].Source",
      /host path/,
    ],
    [
      "privileged at the top of the body, where the engine still reads it",
      () => ({ ...idle({}), Privileged: true }),
      "config.Privileged",
      /privileged/,
    ],
    [
      "a lower-case key, which the engine reads like Privileged",
      () => idle({ privileged: true }),
      "config.HostConfig.privileged",
      /privileged/,
    ],
    ["--pid host", () => idle({ PidMode: "host" }), "config.HostConfig.PidMode", /every process/],
    ["--network host", () => idle({ NetworkMode: "host" }), "config.HostConfig.NetworkMode", /network/],
    ["--cap-add", () => idle({ CapAdd: ["NET_ADMIN"] }), "config.HostConfig.CapAdd[0]", /NET_ADMIN/],
    [
      "a device",
      () =>
        idle({ Devices: [{ PathOnHost: "/dev/null", PathInContainer: "/dev/x", CgroupPermissions: "rwm" }] }),
      "config.HostConfig.Devices[0]",
      /\/dev\/null/,
    ],
    [
      "seccomp=unconfined",
      () => idle({ SecurityOpt: ["seccomp=unconfined"] }),
      "config.HostConfig.SecurityOpt[0]",
      /seccomp/,
    ],
  ])("is refused for %s, naming the field, and nothing is created", async (what, config, field, reason) => {
    const name = `${P}-op-${what.replace(/[^a-z]+/g, "")}`;

    const res = await operator.send<ErrorBody>("POST", CONTAINERS, { name, start: true, config: config() });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    expect(res.body.error.message.startsWith(`${field}: only an admin may `)).toBe(true);
    expect(res.body.error.message).toMatch(reason);
    expect(res.body.error.details?.hostAccess?.[0]).toMatchObject({ field });
    expect(await namesLike(name)).toEqual([]);
  });

  it("records the refusal in the audit log with the settings asked for", async () => {
    const res = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.create");
    const entry = res.body.items.find((e) => e.target === `${P}-op-privileged`);

    expect(entry).toMatchObject({ result: "error", user: `${P}-op` });
    expect(entry?.error).toMatch(/^FORBIDDEN: config\.HostConfig\.Privileged/);
    expect(JSON.stringify(entry?.params)).toContain("config.HostConfig.Privileged");
  });

  it("may use named volumes, tmpfs and user networks, and recreate such a container", async () => {
    const name = `${P}-plain`;
    const config = {
      Image: "local/idle:1",
      Labels: { "wharf.test": RUN_ID },
      Env: ["MODE=one"],
      HostConfig: {
        NetworkMode: NET,
        Binds: [`${VOL}:/data`],
        Mounts: [{ Type: "volume", Target: "/cache" }],
        Tmpfs: { "/scratch": "size=1m" },
      },
      NetworkingConfig: { EndpointsConfig: { [NET]: { Aliases: ["plain"] } } },
    };

    const created = await operator.send<{ id: string }>("POST", CONTAINERS, { name, start: true, config });
    const view = await specOf(operator, name);
    const body = specToCreateBody({ ...view.spec, env: [{ key: "MODE", value: "two" }] });
    const recreated = await operator.send<{ id: string; oldId: string }>(
      "POST",
      `${CONTAINERS}/${name}/recreate`,
      { config: body.config },
    );

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(view.hostAccess).toEqual([]);
    expect(recreated.status, JSON.stringify(recreated.body)).toBe(200);
    expect(recreated.body.oldId).toBe(created.body.id);
    const now = await inspect(name);
    expect(now.Id).toBe(recreated.body.id);
    expect(now.State.Running).toBe(true);
    expect(now.Config.Env).toContain("MODE=two");
    expect(now.HostConfig.Binds).toEqual([`${VOL}:/data`]);
    expect(await namesLike(name)).toEqual([name]);
  });
});

describe("an admin's container with host access", () => {
  const BOUND = `${P}-bound`;

  it("is created with a bind mount of a host directory, and the audit names the setting", async () => {
    const res = await admin.send<{ id: string }>("POST", CONTAINERS, {
      name: BOUND,
      start: true,
      config: { ...idle({ Binds: [`${dir}:/host:ro`] }), Cmd: ["sleep", "3600"] },
    });

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await namesLike(BOUND)).toEqual([BOUND]);
    expect((await inspect(BOUND)).HostConfig.Binds).toEqual([`${dir}:/host:ro`]);
    expect(await docker("local", "exec", BOUND, "cat", "/host/hello.txt")).toContain("from the host");
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.create");
    const entry = audit.body.items.find((e) => e.target === BOUND);
    expect(entry).toMatchObject({ result: "ok", user: "admin" });
    expect((entry?.params as { hostAccess?: unknown }).hostAccess).toEqual([
      { field: "config.HostConfig.Binds[0]", reason: expect.stringContaining(dir) as unknown },
    ]);
  });

  it("shows the setting in its spec, so the form can warn", async () => {
    const view = await specOf(operator, BOUND);

    expect(view.hostAccess.map((s) => s.field)).toEqual(["config.HostConfig.Binds[0]"]);
  });

  it("cannot be recreated by an operator, and stays as it was", async () => {
    const before = fingerprint(await inspect(BOUND));
    const { spec } = await specOf(operator, BOUND);

    const res = await operator.send<ErrorBody>("POST", `${CONTAINERS}/${BOUND}/recreate`, {
      config: specToCreateBody({ ...spec, env: [{ key: "X", value: "1" }] }).config,
    });

    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^config\.HostConfig\.Binds\[0\]: only an admin may bind-mount/);
    expect(fingerprint(await inspect(BOUND))).toEqual(before);
    expect(await namesLike(BOUND)).toEqual([BOUND]);
  });

  it("refuses an operator's recreate of a privileged container, naming the setting it would keep", async () => {
    const name = `${P}-priv`;
    const made = await admin.send("POST", CONTAINERS, { name, config: idle({ Privileged: true }) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const before = fingerprint(await inspect(name));

    // The form's body does not hold Privileged: the recreate would keep it from the old container.
    const res = await operator.send<ErrorBody>("POST", `${CONTAINERS}/${name}/recreate`, {
      config: idle({}),
    });
    const asAdmin = await admin.send<{ id: string }>("POST", `${CONTAINERS}/${name}/recreate`, {
      config: idle({}),
    });

    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /^config\.HostConfig\.Privileged: only an admin may run a privileged container.*; it is kept from the old container .*-priv unless the body sets HostConfig\.Privileged$/,
    );
    expect(before.privileged).toBe(true);
    expect(asAdmin.status, JSON.stringify(asAdmin.body)).toBe(200);
    expect((await inspect(name)).HostConfig.Privileged).toBe(true);
    expect(await namesLike(name)).toEqual([name]);
  });

  it("audits an admin's recreate with the host-access settings it kept", async () => {
    const res = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.recreate");
    const entry = res.body.items.find((e) => e.target === `${P}-priv` && e.result === "ok");

    expect(entry?.user).toBe("admin");
    // The engine adds label=disable to a privileged container's security options; both are kept.
    expect((entry?.params as { hostAccess?: { field: string }[] }).hostAccess?.map((s) => s.field)).toEqual([
      "config.HostConfig.Privileged",
      "config.HostConfig.SecurityOpt[0]",
    ]);
  });
});

describe("a volume made to bind a host path", () => {
  it("is refused to an operator, and only an admin may mount one an admin made", async () => {
    const volume = {
      Name: BIND_VOL,
      DriverOpts: { type: "none", o: "bind", device: dir },
      Labels: { "wharf.test": RUN_ID },
    };
    const byOperator = await operator.send<ErrorBody>("POST", "/api/v1/hosts/local/volumes", volume);
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.error.message).toMatch(/^DriverOpts: only an admin may/);
    // A volume that already exists (made by an admin, or outside Wharf) is checked again at mount.
    const made = await admin.send("POST", "/api/v1/hosts/local/volumes", volume);
    expect(made.status, JSON.stringify(made.body)).toBe(201);

    const viaBinds = await operator.send<ErrorBody>("POST", CONTAINERS, {
      name: `${P}-vb`,
      config: idle({ Binds: [`${BIND_VOL}:/data`] }),
    });
    const viaMounts = await operator.send<ErrorBody>("POST", CONTAINERS, {
      name: `${P}-vm`,
      config: idle({ Mounts: [{ Type: "volume", Source: BIND_VOL, Target: "/data" }] }),
    });
    const asAdmin = await admin.send("POST", CONTAINERS, {
      name: `${P}-va`,
      config: idle({ Binds: [`${BIND_VOL}:/data`] }),
    });

    expect(viaBinds.status).toBe(403);
    expect(viaBinds.body.error.message).toBe(
      `config.HostConfig.Binds[0]: only an admin may mount the volume ${BIND_VOL}, which the engine mounts from the host's ${dir} (o=bind)`,
    );
    expect(viaMounts.status).toBe(403);
    expect(viaMounts.body.error.message).toMatch(
      /^config\.HostConfig\.Mounts\[0\]\.Source: only an admin may mount the volume/,
    );
    expect(await namesLike(`${P}-vb`)).toEqual([]);
    expect(await namesLike(`${P}-vm`)).toEqual([]);
    expect(asAdmin.status, JSON.stringify(asAdmin.body)).toBe(201);
    expect((await specOf(operator, `${P}-va`)).hostAccess.map((s) => s.field)).toEqual([
      "config.HostConfig.Binds[0]",
    ]);
  });
});
