import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSnapshot } from "../../lib/images/types";
import type { StackDetail, StackList, StackPlan } from "../../lib/stacks/types";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
  jobFinished,
} from "./harness";

let srv: TestServer;
let admin: Client;
const S = `${RUN_ID}-st`.toLowerCase();
const BASE = `/api/v1/hosts/local/stacks`;

interface Inspect {
  Id: string;
  Name: string;
  Config: { Env: string[]; Labels: Record<string, string>; Cmd: string[] | null };
  State: { Running: boolean; StartedAt: string; Status: string };
  HostConfig: { RestartPolicy: { Name: string }; Memory: number };
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
}
const inspect = async (ref: string) =>
  (JSON.parse(await docker("local", "inspect", ref)) as Inspect[])[0] as Inspect;
const namesOf = async (project: string) =>
  (
    await docker(
      "local",
      "ps",
      "-a",
      "--format",
      "{{.Names}}",
      "--filter",
      `label=com.docker.compose.project=${project}`,
    )
  )
    .split("\n")
    .filter(Boolean)
    .sort();

/** A three-service stack on an internal network: its containers send nothing anywhere. */
const composeOf = (opts: { apiEnv?: string; workerCmd?: string } = {}) => `
x-common: &common
  image: local/idle:1
  restart: unless-stopped
  labels:
    wharf.test: "${RUN_ID}"
services:
  db:
    <<: *common
    environment:
      ROLE: db
  api:
    <<: *common
    environment:
      ROLE: api
      LEVEL: "${opts.apiEnv ?? "one"}"
    depends_on:
      - db
  worker:
    <<: *common
    ${opts.workerCmd ? `command: ${opts.workerCmd}` : ""}
    depends_on:
      db:
        condition: service_started
networks:
  default:
    internal: true
`;

async function run(c: Client, stack: string, op: string, body: unknown = {}): Promise<JobSnapshot> {
  const r = await c.send<{ jobId: string }>("POST", `${BASE}/${stack}/${op}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return jobFinished(c, r.body.jobId);
}

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
});

afterAll(async () => {
  for (const p of [S, `${S}-fail`, `${S}-cli`, `${S}-team`]) {
    const ids = await docker("local", "ps", "-aq", "--filter", `label=com.docker.compose.project=${p}`).catch(
      () => "",
    );
    if (ids) await docker("local", "rm", "-f", ...ids.split("\n")).catch(() => "");
    await docker("local", "network", "rm", `${p}_default`).catch(() => "");
  }
  await srv?.stop();
});

describe("a stack's life: create, plan, deploy, change one service, down", () => {
  it("stores a stack and plans it without deploying anything", async () => {
    const r = await admin.send<{ plan: StackPlan }>("POST", BASE, { name: S, compose: composeOf() });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.plan.steps.map((s) => `${s.service}:${s.action}`).sort()).toEqual([
      "api:create",
      "db:create",
      "worker:create",
    ]);
    expect(r.body.plan.objects).toContainEqual({ kind: "network", name: `${S}_default`, action: "create" });
    expect(await namesOf(S)).toEqual([]);
  });

  it("deploys with compose v2 names and compose's labels, on its own network", async () => {
    const job = await run(admin, S, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    expect(job.services?.map((s) => s.state)).toEqual(["done", "done", "done"]);
    expect(await namesOf(S)).toEqual([`${S}-api-1`, `${S}-db-1`, `${S}-worker-1`]);
    const api = await inspect(`${S}-api-1`);
    expect(api.State.Running).toBe(true);
    expect(api.Config.Labels).toMatchObject({
      "com.docker.compose.project": S,
      "com.docker.compose.service": "api",
      "com.docker.compose.container-number": "1",
      "com.docker.compose.oneoff": "False",
      "wharf.test": RUN_ID,
    });
    expect(api.Config.Env).toEqual(expect.arrayContaining(["ROLE=api", "LEVEL=one"]));
    expect(api.HostConfig.RestartPolicy.Name).toBe("unless-stopped");
    expect(api.NetworkSettings.Networks[`${S}_default`]?.Aliases).toEqual(expect.arrayContaining(["api"]));
    const net = JSON.parse(await docker("local", "network", "inspect", `${S}_default`)) as {
      Internal: boolean;
    }[];
    expect(net[0]?.Internal).toBe(true);
  });

  it("lists the stack with its services and state, and shows its detail", async () => {
    const list = await admin.get<StackList>("/api/v1/stacks");
    const mine = list.body.items.find((s) => s.name === S);
    expect(mine).toMatchObject({
      hostId: "local",
      services: 3,
      running: 3,
      state: "running",
      source: "wharf",
      updatedBy: "admin",
    });
    const d = await admin.get<StackDetail>(`${BASE}/${S}`);
    expect(d.body.services.map((s) => [s.name, s.containers.length])).toEqual(
      expect.arrayContaining([
        ["api", 1],
        ["db", 1],
        ["worker", 1],
      ]),
    );
    expect(d.body.current?.revision).toBe(1);
  });

  it("a redeploy with no change plans to keep every container and touches none", async () => {
    const before = await Promise.all(["api", "db", "worker"].map((s) => inspect(`${S}-${s}-1`)));
    const plan = await admin.send<StackPlan>("POST", `${BASE}/${S}/plan`, {});
    expect(plan.body.steps.every((s) => s.action === "keep")).toBe(true);
    const job = await run(admin, S, "deploy");
    expect(job.state).toBe("done");
    const after = await Promise.all(["api", "db", "worker"].map((s) => inspect(`${S}-${s}-1`)));
    expect(after.map((c) => [c.Id, c.State.StartedAt])).toEqual(before.map((c) => [c.Id, c.State.StartedAt]));
  });

  it("changing one service's env recreates that service only", async () => {
    const before = await Promise.all(["api", "db", "worker"].map((s) => inspect(`${S}-${s}-1`)));
    const put = await admin.send<{ plan: StackPlan }>("PUT", `${BASE}/${S}`, {
      compose: composeOf({ apiEnv: "two" }),
      message: "api to level two",
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const actions = Object.fromEntries(put.body.plan.steps.map((s) => [s.service, s]));
    expect(actions.api?.action).toBe("recreate");
    expect(actions.api?.reason).toContain("environment");
    expect(actions.db?.action).toBe("keep");
    expect(actions.worker?.action).toBe("keep");
    const job = await run(admin, S, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    const after = await Promise.all(["api", "db", "worker"].map((s) => inspect(`${S}-${s}-1`)));
    expect(after[0]?.Id).not.toBe(before[0]?.Id);
    expect(after[0]?.Config.Env).toContain("LEVEL=two");
    expect(after.slice(1).map((c) => [c.Id, c.State.StartedAt])).toEqual(
      before.slice(1).map((c) => [c.Id, c.State.StartedAt]),
    );
    const revs = await admin.get<{ items: { revision: number; message: string; deployedAt?: number }[] }>(
      `${BASE}/${S}/revisions`,
    );
    expect(revs.body.items.map((r) => r.revision)).toEqual([2, 1]);
    expect(revs.body.items[0]).toMatchObject({ message: "api to level two" });
    expect(revs.body.items[0]?.deployedAt).toBeGreaterThan(0);
  });

  it("rolls back to revision 1: a deploy of the old file, planned the same way", async () => {
    const plan = await admin.send<StackPlan>("POST", `${BASE}/${S}/plan`, { revision: 1 });
    expect(plan.body.steps.filter((s) => s.action !== "keep").map((s) => s.service)).toEqual(["api"]);
    const job = await run(admin, S, "deploy", { revision: 1 });
    expect(job.state).toBe("done");
    expect((await inspect(`${S}-api-1`)).Config.Env).toContain("LEVEL=one");
  });

  it("scales a service for one deploy, and the file's count comes back with the next", async () => {
    const up = await run(admin, S, "deploy", { scale: { worker: 2 } });
    expect(up.state, JSON.stringify(up)).toBe("done");
    expect(await namesOf(S)).toEqual([`${S}-api-1`, `${S}-db-1`, `${S}-worker-1`, `${S}-worker-2`]);
    const bad = await admin.send<{ error: { message: string } }>("POST", `${BASE}/${S}/plan`, {
      scale: { nope: 2 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/scale\.nope/);
    const plan = await admin.send<StackPlan>("POST", `${BASE}/${S}/plan`, {});
    expect(plan.body.steps.filter((s) => s.action !== "keep")).toEqual([
      expect.objectContaining({ container: `${S}-worker-2`, action: "remove", reason: "scaled down" }),
    ]);
    expect((await run(admin, S, "deploy")).state).toBe("done");
    expect(await namesOf(S)).toEqual([`${S}-api-1`, `${S}-db-1`, `${S}-worker-1`]);
  });

  it("stop and start act on every service, and a stopped stack is listed as stopped", async () => {
    expect((await run(admin, S, "stop")).state).toBe("done");
    const list = await admin.get<StackList>("/api/v1/hosts/local/stacks");
    expect(list.body.items.find((s) => s.name === S)?.state).toBe("stopped");
    expect((await run(admin, S, "start")).state).toBe("done");
    expect((await inspect(`${S}-db-1`)).State.Running).toBe(true);
  });

  it("down removes the containers and the network, and keeps the files", async () => {
    const job = await run(admin, S, "down");
    expect(job.state, JSON.stringify(job)).toBe("done");
    expect(await namesOf(S)).toEqual([]);
    await expect(docker("local", "network", "inspect", `${S}_default`)).rejects.toThrow();
    const d = await admin.get<StackDetail>(`${BASE}/${S}`);
    expect(d.body.summary.state).toBe("down");
    const del = await admin.send("DELETE", `${BASE}/${S}`);
    expect(del.status).toBe(204);
    expect((await admin.get(`${BASE}/${S}`)).status).toBe(404);
  });
});

describe("a failed update keeps what ran", () => {
  const F = `${S}-fail`;
  const file = (cmd?: string) => `
services:
  base:
    image: local/idle:1
    ${cmd ? `command: ${cmd}` : ""}
    healthcheck:
      test: ["CMD", "true"]
      interval: 1s
      timeout: 2s
      retries: 2
  app:
    image: local/idle:1
    depends_on:
      base:
        condition: service_healthy
networks:
  default:
    internal: true
`;

  it("puts the old container back running when the new one exits at once", async () => {
    expect((await admin.send("POST", BASE, { name: F, compose: file() })).status).toBe(201);
    expect((await run(admin, F, "deploy")).state).toBe("done");
    const old = await inspect(`${F}-base-1`);
    expect(
      (await admin.send("PUT", `${BASE}/${F}`, { compose: file(`["sh", "-c", "exit 3"]`) })).status,
    ).toBe(200);
    const job = await run(admin, F, "deploy");
    expect(job.state).toBe("error");
    const base = job.services?.find((s) => s.service === "base");
    expect(base?.state).toBe("restored");
    expect(base?.detail).toMatch(/exited with code 3/);
    const now = await inspect(`${F}-base-1`);
    expect(now.Id).toBe(old.Id);
    expect(now.State.Running).toBe(true);
    expect(await namesOf(F)).toEqual([`${F}-app-1`, `${F}-base-1`]);
  });
});

describe("a cancelled deploy", () => {
  const X = `${S}-cancel`;
  const file = (test: string) => `
services:
  base:
    image: local/idle:1
    healthcheck:
      test: ["CMD", "${test}"]
      interval: 1s
      retries: 30
  app:
    image: local/idle:1
    depends_on:
      base:
        condition: service_healthy
networks:
  default:
    internal: true
`;

  afterAll(async () => {
    const ids = await docker("local", "ps", "-aq", "--filter", `label=com.docker.compose.project=${X}`).catch(
      () => "",
    );
    if (ids) await docker("local", "rm", "-f", ...ids.split("\n")).catch(() => "");
    await docker("local", "network", "rm", `${X}_default`).catch(() => "");
  });

  it("stops where it is and puts back the container it was replacing", async () => {
    expect((await admin.send("POST", BASE, { name: X, compose: file("true") })).status).toBe(201);
    expect((await run(admin, X, "deploy")).state).toBe("done");
    const old = await inspect(`${X}-base-1`);
    // The new healthcheck never passes, so the deploy waits on it until cancelled.
    expect((await admin.send("PUT", `${BASE}/${X}`, { compose: file("false") })).status).toBe(200);
    const socket = await connectSocket(srv.base, admin.cookie);
    try {
      const started = await admin.send<{ jobId: string }>("POST", `${BASE}/${X}/deploy`, {});
      expect(started.status).toBe(202);
      await waitFor(
        async () => {
          const j = (await admin.get<JobSnapshot>(`/api/v1/jobs/${started.body.jobId}`)).body;
          return j.services?.find((s) => s.service === "base")?.detail.startsWith("recreating")
            ? j
            : undefined;
        },
        30_000,
        "the swap to begin",
      );
      const cancel = await new Promise<{ ok: boolean }>((resolve) =>
        socket.emit("job:cancel", { jobId: started.body.jobId }, (r: { ok: boolean }) => resolve(r)),
      );
      expect(cancel.ok).toBe(true);
      const job = await jobFinished(admin, started.body.jobId);
      expect(job.state).toBe("cancelled");
      const base = await waitFor(
        async () => {
          const names = await namesOf(X);
          const c = await inspect(`${X}-base-1`).catch(() => undefined);
          return names.length === 2 && c?.State.Running ? c : undefined;
        },
        30_000,
        "the old container back",
      );
      expect(base.Id).toBe(old.Id);
    } finally {
      socket.close();
    }
  });
});

describe("files of the stack: a build context, configs and secrets", () => {
  const K = `${S}-files`;
  const compose = `
services:
  app:
    build:
      context: ./app
      args:
        GREETING: hello
    configs:
      - source: settings
        target: /etc/app/settings.ini
    secrets:
      - token
    network_mode: none
configs:
  settings:
    file: ./conf/settings.ini
secrets:
  token:
    file: ./token.txt
`;
  const files = {
    "app/Dockerfile":
      'FROM local/idle:1\nARG GREETING\nRUN echo "$GREETING" > /greeting\nCOPY note.txt /note.txt\n',
    "app/note.txt": "built from the stack's files\n",
    "conf/settings.ini": "[app]\nlevel=2\n",
    "token.txt": "s3cret-value",
  };

  afterAll(async () => {
    await docker("local", "rm", "-f", `${K}-app-1`).catch(() => "");
    await docker("local", "rmi", "-f", `${K}-app`).catch(() => "");
  });

  it("builds the image with the classic builder, then writes the files in before the start", async () => {
    const r = await admin.send<{ plan: StackPlan }>("POST", BASE, { name: K, compose, files });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.plan.builds).toEqual(["app"]);
    const job = await run(admin, K, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    const cat = (path: string) => docker("local", "exec", `${K}-app-1`, "cat", path);
    expect((await cat("/greeting")).trim()).toBe("hello");
    expect((await cat("/note.txt")).trim()).toBe("built from the stack's files");
    expect(await cat("/etc/app/settings.ini")).toBe("[app]\nlevel=2");
    expect(await cat("/run/secrets/token")).toBe("s3cret-value");
    const d = await admin.get<StackDetail>(`${BASE}/${K}`);
    expect(JSON.stringify(d.body)).not.toContain("s3cret-value");
    expect((await run(admin, K, "down")).state).toBe("done");
  });
});

describe("a recreate keeps the data of anonymous volumes", () => {
  const V = `${S}-vol`;
  const compose = (level: string) => `
services:
  app:
    build: ./app
    environment:
      LEVEL: "${level}"
    volumes:
      - /data
    network_mode: none
`;
  // The image declares a volume of its own, as database images do.
  const files = { "app/Dockerfile": "FROM local/idle:1\nVOLUME /cache\n" };
  const volumesOf = async (name: string) => {
    const [c] = JSON.parse(await docker("local", "inspect", name)) as {
      Id: string;
      Mounts: { Type: string; Name?: string; Destination: string }[];
    }[];
    return { id: c?.Id, byPath: Object.fromEntries((c?.Mounts ?? []).map((m) => [m.Destination, m.Name])) };
  };

  afterAll(async () => {
    await docker("local", "rm", "-f", `${V}-app-1`).catch(() => "");
    await docker("local", "rmi", "-f", `${V}-app`).catch(() => "");
  });

  it("mounts the replaced container's volumes in the new one, and down with volumes removes them", async () => {
    expect((await admin.send("POST", BASE, { name: V, compose: compose("one"), files })).status).toBe(201);
    expect((await run(admin, V, "deploy")).state).toBe("done");
    const before = await volumesOf(`${V}-app-1`);
    expect(before.byPath["/data"]).toMatch(/^[0-9a-f]{64}$/);
    expect(before.byPath["/cache"]).toMatch(/^[0-9a-f]{64}$/);
    await docker("local", "exec", `${V}-app-1`, "sh", "-c", "echo kept > /data/a && echo kept > /cache/b");

    const put = await admin.send("PUT", `${BASE}/${V}`, { compose: compose("two") });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const job = await run(admin, V, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    const after = await volumesOf(`${V}-app-1`);
    expect(after.id).not.toBe(before.id);
    expect(after.byPath).toEqual(before.byPath);
    expect((await docker("local", "exec", `${V}-app-1`, "cat", "/data/a", "/cache/b")).trim()).toBe(
      "kept\nkept",
    );

    expect((await run(admin, V, "down", { volumes: true })).state).toBe("done");
    for (const v of Object.values(before.byPath))
      await expect(docker("local", "volume", "inspect", v ?? "")).rejects.toThrow();
    expect((await admin.send("DELETE", `${BASE}/${V}`)).status).toBe(204);
  });
});

describe("profiles", () => {
  it("plans a service with profiles only when one of them is named", async () => {
    const P = `${S}-prof`;
    const compose =
      "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n  debug:\n    image: local/idle:1\n    network_mode: none\n    profiles: [debug]\n";
    expect((await admin.send("POST", BASE, { name: P, compose })).status).toBe(201);
    const plain = await admin.send<StackPlan>("POST", `${BASE}/${P}/plan`, {});
    expect(plain.body.steps.map((s) => s.service)).toEqual(["web"]);
    const debug = await admin.send<StackPlan>("POST", `${BASE}/${P}/plan`, { profiles: ["debug"] });
    expect(debug.body.steps.map((s) => s.service).sort()).toEqual(["debug", "web"]);
    expect((await admin.send("DELETE", `${BASE}/${P}`)).status).toBe(204);
  });
});

describe("a shared network namespace", () => {
  it("recreates the service that joins a replaced one, onto the new container", async () => {
    const N = `${S}-ns`;
    const file = (role: string) =>
      `services:\n  vpn:\n    image: local/idle:1\n    network_mode: none\n    environment: { ROLE: ${role} }\n  app:\n    image: local/idle:1\n    network_mode: service:vpn\n`;
    expect((await admin.send("POST", BASE, { name: N, compose: file("a") })).status).toBe(201);
    expect((await run(admin, N, "deploy")).state).toBe("done");
    const vpn1 = await inspect(`${N}-vpn-1`);
    const mode = async () =>
      (await docker("local", "inspect", "-f", "{{.HostConfig.NetworkMode}}", `${N}-app-1`)).trim();
    expect(await mode()).toBe(`container:${vpn1.Id}`);
    expect((await admin.send("PUT", `${BASE}/${N}`, { compose: file("b") })).status).toBe(200);
    const job = await run(admin, N, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    const vpn2 = await inspect(`${N}-vpn-1`);
    expect(vpn2.Id).not.toBe(vpn1.Id);
    expect(await mode()).toBe(`container:${vpn2.Id}`);
    expect((await inspect(`${N}-app-1`)).State.Running).toBe(true);
    expect((await run(admin, N, "down")).state).toBe("done");
    expect((await admin.send("DELETE", `${BASE}/${N}`)).status).toBe(204);
  });
});

describe("bad input is answered before anything is created", () => {
  const B = `${S}-bad`;
  const cases: [string, string, RegExp][] = [
    ["malformed YAML", "services:\n  web:\n    image: [unclosed\n", /line \d+, column \d+/],
    [
      "an unsupported key",
      "services:\n  web:\n    image: local/idle:1\n    blkio_config:\n      weight: 10\n",
      /services\.web\.blkio_config: not supported/,
    ],
    ["an unset required variable", "services:\n  web:\n    image: ${IMG:?set IMG first}\n", /IMG/],
    [
      "a service with no image",
      "services:\n  web:\n    network_mode: none\n",
      /services\.web: needs an "image" or a "build"/,
    ],
    [
      "a circular depends_on",
      "services:\n  a:\n    image: local/idle:1\n    depends_on: [b]\n  b:\n    image: local/idle:1\n    depends_on: [a]\n",
      /a -> b -> a|b -> a -> b/,
    ],
  ];
  it("fails a deploy whose image is on no host and may not be pulled, and creates nothing", async () => {
    const M = `${S}-noimg`;
    const compose =
      "services:\n  web:\n    image: local/no-such-image:1\n    pull_policy: never\n    network_mode: none\n";
    expect((await admin.send("POST", BASE, { name: M, compose })).status).toBe(201);
    const job = await run(admin, M, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("error");
    expect(job.error).toBe("web: image local/no-such-image:1 is not on host local; pull it first");
    expect(await namesOf(M)).toEqual([]);
    expect((await admin.send("DELETE", `${BASE}/${M}`)).status).toBe(204);
  });

  for (const [what, compose, message] of cases) {
    it(`refuses ${what}`, async () => {
      const r = await admin.send<{ error: { code: string; message: string } }>("POST", BASE, {
        name: B,
        compose,
      });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(message);
      expect((await admin.get(`${BASE}/${B}`)).status).toBe(404);
      expect(await namesOf(B)).toEqual([]);
    });
  }
});

describe("stacks made elsewhere, and scopes", () => {
  const C = `${S}-cli`;
  const T = `${S}-team`;

  it("lists a project made elsewhere as a cli stack, adopts it with no change planned, and downs it", async () => {
    await docker(
      "local",
      "run",
      "-d",
      "--network",
      "none",
      "--name",
      `${C}-web-1`,
      "--label",
      `com.docker.compose.project=${C}`,
      "--label",
      "com.docker.compose.service=web",
      "--label",
      "com.docker.compose.container-number=1",
      "--label",
      "com.docker.compose.oneoff=False",
      "--label",
      "com.docker.compose.config-hash=0123",
      "-e",
      "MODE=cli",
      "local/idle:1",
    );
    const before = await inspect(`${C}-web-1`);
    const list = await admin.get<StackList>("/api/v1/stacks");
    expect(list.body.items.find((s) => s.name === C)).toMatchObject({
      source: "cli",
      services: 1,
      state: "running",
    });
    expect((await admin.send("POST", `${BASE}/${C}/deploy`, {})).status).toBe(409);

    const adopted = await admin.send<{ plan: StackPlan; from: string }>("POST", `${BASE}/${C}/adopt`, {});
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body.from).toBe("containers");
    expect(adopted.body.plan.steps).toEqual([
      expect.objectContaining({ service: "web", action: "keep", containerId: before.Id }),
    ]);
    const d = await admin.get<StackDetail>(`${BASE}/${C}`);
    expect(d.body.current?.compose).toMatch(/MODE=cli/);
    const exported = await admin.send<{ name: string; compose: string }>(
      "POST",
      "/api/v1/hosts/local/containers/compose",
      {
        containers: [`${C}-web-1`],
      },
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ name: C });
    expect(exported.body.compose).toBe(d.body.current?.compose);
    expect(d.body.current?.compose).toMatch(/network_mode: none/);
    expect((await run(admin, C, "deploy")).state).toBe("done");
    expect((await inspect(`${C}-web-1`)).Id).toBe(before.Id);
    expect((await run(admin, C, "down")).state).toBe("done");
    expect(await namesOf(C)).toEqual([]);
  });

  it("an export by a label-scoped user writes no settings of another team's network", async () => {
    const team = await userClient(srv.base, admin, {
      username: `${RUN_ID}exp`,
      role: "operator",
      labelSelector: "team=blue",
    });
    const M = `${S}-mix`;
    const net = `${S}-red-net`;
    await docker(
      "local",
      ...["network", "create", "--internal", "--label", "team=red", "--label", "secret.note=red-only"],
      ...["--label", `com.docker.compose.project=${M}`, "--label", "com.docker.compose.network=back", net],
    );
    try {
      await docker(
        "local",
        ...["run", "-d", "--network", net, "--name", `${M}-web-1`, "--label", "team=blue"],
        ...[
          "--label",
          `com.docker.compose.project=${M}`,
          "--label",
          "com.docker.compose.service=web",
          "local/idle:1",
        ],
      );
      const body = { containers: [`${M}-web-1`] };
      // The admin sees the network: its settings and labels are written, so the check below can fail.
      const all = await admin.send<{ compose: string }>(
        "POST",
        "/api/v1/hosts/local/containers/compose",
        body,
      );
      expect(all.status).toBe(200);
      expect(all.body.compose).toMatch(/red-only/);
      expect(all.body.compose).toMatch(/internal: true/);
      const mine = await team.send<{ compose: string }>(
        "POST",
        "/api/v1/hosts/local/containers/compose",
        body,
      );
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect(mine.body.compose).not.toMatch(/red-only|team: red|internal/);
      expect(mine.body.compose).toMatch(new RegExp(`${net}:\\s+external: true`));
    } finally {
      await docker("local", "rm", "-f", `${M}-web-1`).catch(() => "");
      await docker("local", "network", "rm", net).catch(() => "");
    }
  });

  it("a label-scoped operator sees only its team's stacks, and its stack carries its label", async () => {
    const team = await userClient(srv.base, admin, {
      username: `${RUN_ID}stk`,
      role: "operator",
      labelSelector: "team=blue",
    });
    const other = `${S}-other`;
    await admin.send("POST", BASE, { name: other, compose: composeOf() });
    expect((await team.get(`${BASE}/${other}`)).status).toBe(404);
    expect((await team.send("POST", `${BASE}/${other}/deploy`, {})).status).toBe(404);
    expect((await team.get<StackList>("/api/v1/stacks")).body.items.map((s) => s.name)).not.toContain(other);
    await admin.send("DELETE", `${BASE}/${other}`);

    const r = await team.send("POST", BASE, {
      name: T,
      compose: "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const job = await run(team, T, "deploy");
    expect(job.state, JSON.stringify(job)).toBe("done");
    expect((await inspect(`${T}-web-1`)).Config.Labels.team).toBe("blue");
    const listed = (await admin.get<StackList>("/api/v1/hosts/local/stacks")).body.items.find(
      (x) => x.name === T,
    );
    expect(listed).toMatchObject({ source: "wharf", updatedBy: `${RUN_ID}stk` });
    expect((await admin.get<StackDetail>(`${BASE}/${T}`)).status).toBe(200);

    const escape = await team.send<{ error: { message: string } }>("POST", BASE, {
      name: `${T}-x`,
      compose: `services:\n  web:\n    image: local/idle:1\n    network_mode: "container:${C}-nothing"\n`,
    });
    expect(escape.status).toBe(404);
    expect(escape.body.error.message).toMatch(/not in your scope/);
    expect(await namesOf(`${T}-x`)).toEqual([]);
    expect((await run(team, T, "down")).state).toBe("done");
  });
});
