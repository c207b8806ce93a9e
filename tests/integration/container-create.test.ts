import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specToCreateBody } from "../../lib/container-spec/create-body";
import { parseDockerRun } from "../../lib/container-spec/docker-run";
import { inspectToSpec, type ImageDefaults } from "../../lib/container-spec/inspect";
import type { ContainerSpec } from "../../lib/container-spec/types";
import type { AuditEntry } from "../../lib/types";
import {
  RUN_ID,
  docker,
  engineSocket,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type EngineId,
  type TestServer,
} from "./harness";

const run = promisify(execFile);
let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-cc`;
const VOL = `${P}-vol`;
const NET = `${P}-net`;
const LABEL = `wharf.test=${RUN_ID}`;
const PORT = 20000 + (process.pid % 20000);
const ENGINES: EngineId[] = ["local", "edge"];

type Inspect = Record<string, unknown> & {
  Id: string;
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
  State: { Running: boolean; Status: string };
  NetworkSettings: { Networks: Record<string, { Aliases?: string[] | null }> };
};
const inspectCli = async (engine: EngineId, ref: string) =>
  (JSON.parse(await docker(engine, "inspect", ref)) as Inspect[])[0] as Inspect;
const imageConfig = async (engine: EngineId, ref: string) =>
  (JSON.parse(await docker(engine, "image", "inspect", ref)) as { Config: ImageDefaults }[])[0]?.Config;
const namesLike = async (engine: EngineId, prefix: string) =>
  (await docker(engine, "ps", "-a", "--format", "{{.Names}}", "--filter", `name=${prefix}`))
    .split("\n")
    .filter(Boolean);

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  for (const e of ENGINES) {
    await docker(e, "volume", "create", "--label", LABEL, VOL);
    await docker(e, "network", "create", "--internal", "--label", LABEL, NET);
  }
});

afterAll(async () => {
  await removeByPrefix(P);
  for (const e of ENGINES) {
    await docker(e, "network", "rm", NET).catch(() => "");
    await docker(e, "volume", "rm", VOL).catch(() => "");
  }
  await srv?.stop();
});

const LINE = [
  `docker run -d --name ${P}-web -h box -w /tmp -u 0:0`,
  `-p 127.0.0.1:${PORT}:8080 -e MODE=prod -e 'GREETING=hello world'`,
  `-v ${VOL}:/data:ro --tmpfs /scratch:size=1m --label ${LABEL} --label 'team=a b'`,
  `--network ${NET} --network-alias web-alias --restart on-failure:3`,
  `--memory 64m --memory-reservation 32m --cpus 0.5 --cpu-shares 512 --pids-limit 50`,
  `--health-cmd 'true' --health-interval 30s --health-retries 2 local/idle:1`,
].join(" ");

/** The fields the form covers, as two engines' inspect documents hold them. */
function formFields(doc: Inspect, image: ImageDefaults | undefined): Omit<ContainerSpec, "name"> {
  const { name: _name, ...rest } = inspectToSpec(doc, image);
  return rest;
}

describe("create, inspect, export, and run the export elsewhere", () => {
  let first: Inspect;

  it("creates and starts a container from the form, and the CLI sees every value", async () => {
    const { spec, notImported } = parseDockerRun(LINE);
    expect(notImported).toEqual([]);
    const { name, config } = specToCreateBody(spec);

    const res = await admin.send<{ id: string; name: string; started: boolean }>(
      "POST",
      "/api/v1/hosts/local/containers",
      { name, start: true, config },
    );

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: `${P}-web`, started: true });
    first = await inspectCli("local", `${P}-web`);
    expect(first.Id).toBe(res.body.id);
    expect(first.State.Running).toBe(true);
    expect(first.Config.Env).toEqual(expect.arrayContaining(["MODE=prod", "GREETING=hello world"]));
    expect(first.Config).toMatchObject({
      Hostname: "box",
      WorkingDir: "/tmp",
      User: "0:0",
      Labels: expect.objectContaining({ "wharf.test": RUN_ID, team: "a b" }),
      Healthcheck: { Test: ["CMD-SHELL", "true"], Interval: 30e9, Retries: 2 },
    });
    expect(first.HostConfig).toMatchObject({
      PortBindings: { "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: String(PORT) }] },
      Binds: [`${VOL}:/data:ro`],
      Tmpfs: { "/scratch": "size=1m" },
      RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 },
      Memory: 64 * 1024 ** 2,
      MemoryReservation: 32 * 1024 ** 2,
      NanoCpus: 500_000_000,
      CpuShares: 512,
      PidsLimit: 50,
      NetworkMode: NET,
    });
    expect(first.NetworkSettings.Networks[NET]?.Aliases).toContain("web-alias");
    const mounts = first.Mounts as { Name?: string; RW: boolean; Destination: string }[];
    expect(mounts.find((m) => m.Destination === "/data")).toMatchObject({ Name: VOL, RW: false });
  });

  it("exports a docker run line that the CLI runs on another engine into the same container", async () => {
    const res = await admin.get<{ spec: ContainerSpec; dockerRun: string; outsideForm: string[] }>(
      `/api/v1/hosts/local/containers/${P}-web/spec`,
    );
    expect(res.status).toBe(200);
    expect(res.body.dockerRun).toMatch(new RegExp(`^docker run -d --name ${P}-web `));
    expect(res.body.dockerRun).toContain("-e 'GREETING=hello world'");
    expect(res.body.dockerRun).not.toContain("PATH=/bin"); // inherited from the image, left out
    // The two engines share this machine's loopback: free the port before the copy binds it.
    expect((await admin.send("POST", `/api/v1/hosts/local/containers/${P}-web/stop`)).status).toBe(200);

    const line = res.body.dockerRun.replace(`--name ${P}-web `, `--name ${P}-copy `);
    await run("sh", ["-c", line], { env: { ...process.env, DOCKER_HOST: `unix://${engineSocket("edge")}` } });

    const copy = await inspectCli("edge", `${P}-copy`);
    expect(copy.State.Running).toBe(true);
    const [imgLocal, imgEdge] = [
      await imageConfig("local", "local/idle:1"),
      await imageConfig("edge", "local/idle:1"),
    ];
    const a = formFields(await inspectCli("local", `${P}-web`), imgLocal);
    const b = formFields(copy, imgEdge);
    // The environment is a set of names: one full-suite run saw the copy's two variables in the
    // other order, so they are compared by name and value, and everything else as it is.
    const byKey = (env: { key: string; value: string }[]) =>
      [...env].sort((x, y) => x.key.localeCompare(y.key));
    expect({ ...b, env: byKey(b.env) }).toEqual({ ...a, env: byKey(a.env) });
    // And the values are really there, not two empty forms alike.
    expect(a.env).toHaveLength(2);
    expect(a.mounts).toHaveLength(2);
    expect(a.limits).toMatchObject({ memory: 64 * 1024 ** 2, nanoCpus: 500_000_000, pidsLimit: 50 });
    expect(a.aliases).toEqual(["web-alias"]);
  });
});

describe("bad input creates nothing", () => {
  const post = (body: unknown) =>
    admin.send<{ error: { code: string; message: string } }>("POST", "/api/v1/hosts/local/containers", body);
  const base = { Image: "local/idle:1", HostConfig: { NetworkMode: "none" } };

  it.each([
    [
      "an invalid port spec",
      { ...base, HostConfig: { NetworkMode: "none", PortBindings: { "80/tcpx": [] } } },
      /config\.HostConfig\.PortBindings\.80\/tcpx: must be a port/,
    ],
    [
      "a host port out of range",
      { ...base, HostConfig: { NetworkMode: "none", PortBindings: { "80/tcp": [{ HostPort: "70000" }] } } },
      /PortBindings\.80\/tcp\.0\.HostPort/,
    ],
    [
      "a relative bind source",
      { ...base, HostConfig: { NetworkMode: "none", Binds: ["./data:/data"] } },
      /config\.HostConfig\.Binds\.0: .*relative/,
    ],
    [
      "a relative bind target",
      { ...base, HostConfig: { NetworkMode: "none", Binds: ["/srv:data"] } },
      /config\.HostConfig\.Binds\.0: .*absolute path/,
    ],
    [
      "a relative --mount source",
      {
        ...base,
        HostConfig: { NetworkMode: "none", Mounts: [{ Type: "bind", Source: "data", Target: "/d" }] },
      },
      /config\.HostConfig\.Mounts\.0\.Source/,
    ],
    [
      "a bad restart policy",
      { ...base, HostConfig: { NetworkMode: "none", RestartPolicy: { Name: "sometimes" } } },
      /config\.HostConfig\.RestartPolicy\.Name/,
    ],
    [
      "a memory limit below 6 MiB",
      { ...base, HostConfig: { NetworkMode: "none", Memory: 1024 } },
      /config\.HostConfig\.Memory: must be at least 6 MiB/,
    ],
    [
      "a memory limit as text",
      { ...base, HostConfig: { NetworkMode: "none", Memory: "64m" } },
      /config\.HostConfig\.Memory/,
    ],
    ["no image", { HostConfig: { NetworkMode: "none" } }, /config\.Image/],
  ])("answers 400 naming the field for %s", async (_what, config, re) => {
    const res = await post({ name: `${P}-bad`, config });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.message).toMatch(re);
  });

  it("answers 400 for a name the engine would refuse", async () => {
    const res = await post({ name: "-x", config: base });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^name: /);
  });

  it("passes the engine's 409 through for a duplicate name", async () => {
    await docker("local", "create", "--network", "none", "--name", `${P}-dup`, "local/idle:1");

    const res = await post({ name: `${P}-dup`, config: base });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already in use/);
  });

  it("answers 404 naming an image that is not on the host", async () => {
    const res = await post({ name: `${P}-bad`, config: { ...base, Image: `local/${P}-nope:1` } });

    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(`local/${P}-nope:1`);
    expect(res.body.error.message).toMatch(/pull it first/);
  });

  it("removes the new container when it cannot start, and answers the engine's message", async () => {
    const res = await post({ name: `${P}-bad`, start: true, config: { ...base, Cmd: ["/no/such/binary"] } });

    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.error.message).toMatch(/no such file|not found|executable/i);
  });

  it("left nothing behind", async () => {
    expect(await namesLike("local", `${P}-bad`)).toEqual([]);
    expect(await namesLike("local", `${P}-dup`)).toEqual([`${P}-dup`]);
  });
});

describe("a --rm container", () => {
  it("answers the created container even when its command has ended and the engine removed it", async () => {
    const res = await admin.send<{ id: string; name: string; started: boolean }>(
      "POST",
      "/api/v1/hosts/local/containers",
      {
        name: `${P}-once`,
        start: true,
        config: {
          Image: "local/idle:1",
          Cmd: ["true"],
          HostConfig: { NetworkMode: "none", AutoRemove: true },
        },
      },
    );

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: `${P}-once`, started: true });
    await waitFor(
      async () => (await namesLike("local", `${P}-once`)).length === 0 || undefined,
      20_000,
      "auto-removal",
    );
  });
});

describe("scope and audit", () => {
  it("lets a label-scoped operator create only containers carrying its label", async () => {
    const scoped = await userClient(srv.base, admin, {
      username: `${P}-ops`,
      role: "operator",
      labelSelector: "team=scoped",
    });
    const config = { Image: "local/idle:1", HostConfig: { NetworkMode: "none" } };

    const refused = await scoped.send<{ error: { message: string } }>(
      "POST",
      "/api/v1/hosts/local/containers",
      {
        name: `${P}-scoped`,
        config,
      },
    );
    const allowed = await scoped.send("POST", "/api/v1/hosts/local/containers", {
      name: `${P}-scoped`,
      config: { ...config, Labels: { team: "scoped" } },
    });

    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/config\.Labels: .*team=scoped/);
    expect(allowed.status).toBe(201);
  });

  it("refuses a viewer", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });

    const res = await viewer.send("POST", "/api/v1/hosts/local/containers", {
      config: { Image: "local/idle:1" },
    });

    expect(res.status).toBe(403);
  });

  it("audits container.create with the name, and without environment values", async () => {
    const res = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.create");
    const entry = res.body.items.find((e) => e.target === `${P}-web`);

    expect(entry).toMatchObject({ result: "ok", hostId: "local", user: "admin" });
    const params = JSON.stringify(entry?.params);
    expect(params).toContain("MODE=…");
    expect(params).not.toContain("hello world");
  });
});
