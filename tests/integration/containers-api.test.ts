import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkResult, ContainerDetail, ContainerList, ContainerSummary } from "../../lib/types";
import {
  ADMIN_PASSWORD,
  ENGINE_IDS,
  PODMAN_ID,
  RUN_ID,
  SHARED_HOSTS,
  type SharedHost,
  docker,
  hostsWithPodman,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-api`;
/** Every host the server knows: the three Docker engines and the Podman host. */
const ALL = [...ENGINE_IDS, PODMAN_ID] as const;

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, ALL);
  for (const engine of ALL) {
    await runFixture(engine, `${P}-${engine}-ticker`, "local/ticker:1", ["--label", "team=a"]);
    await runFixture(engine, `${P}-${engine}-idle`, "local/idle:1", ["--label", "team=b"]);
    await docker(engine, "create", "--network", "none", "--name", `${P}-${engine}-stopped`, "local/idle:1");
  }
});

afterAll(async () => {
  await removeByPrefix(P);
  await srv?.stop();
});

const base = (hostId: string) => `/api/v1/hosts/${hostId}/containers`;

describe("container lists against the real engines", () => {
  it.each(ALL)(
    "lists exactly what the docker CLI lists on %s, stopped containers included",
    async (engine) => {
      const cli = (
        await docker(engine, "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}} {{.State}}")
      )
        .split("\n")
        .filter(Boolean)
        .sort();
      const listed = async () => {
        const res = await admin.get<ContainerList>(base(engine));
        expect(res.status).toBe(200);
        return { res, api: res.body.items.map((c) => `${c.id} ${c.name} ${c.state}`).sort() };
      };
      const { res, api } = await waitFor(
        async () => {
          const l = await listed();
          return JSON.stringify(l.api) === JSON.stringify(cli) ? l : undefined;
        },
        5000,
        "the list to match the CLI",
      ).catch(listed);
      expect(api).toEqual(cli);
      expect(res.body.items.every((c) => c.hostId === engine)).toBe(true);
      expect(api.some((l) => l.includes(`${P}-${engine}-stopped created`))).toBe(true);
    },
  );

  it("merges every host's containers with a host column", async () => {
    const res = await admin.get<ContainerList>(`/api/v1/containers?name=${P}`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    const names = res.body.items.map((c) => `${c.hostId}:${c.name}`);
    for (const engine of ALL) {
      expect(names).toContain(`${engine}:${P}-${engine}-ticker`);
      expect(names).toContain(`${engine}:${P}-${engine}-stopped`);
    }
    expect(res.body.items).toHaveLength(12);
  });

  it("filters by state, label and host, and sorts", async () => {
    const running = await admin.get<ContainerList>(
      `/api/v1/containers?name=${P}&state=running&label=team=a&host=edge,secure`,
    );
    expect(running.body.items.map((c) => c.name).sort()).toEqual([`${P}-edge-ticker`, `${P}-secure-ticker`]);
    const sorted = await admin.get<ContainerList>(`/api/v1/containers?name=${P}&sort=host&dir=desc`);
    const hosts = sorted.body.items.map((c: ContainerSummary) => c.hostId);
    expect(hosts).toEqual([...hosts].sort().reverse());
  });

  it("answers only the first rows with limit, counting the whole filtered list", async () => {
    const whole = await admin.get<ContainerList>(`/api/v1/containers?name=${P}&sort=name`);
    const first = await admin.get<ContainerList>(`/api/v1/containers?name=${P}&sort=name&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((c) => c.id)).toEqual(whole.body.items.slice(0, 2).map((c) => c.id));
    expect(first.body.total).toBe(12);
    expect(first.body.running).toBe(8);
    const one = await admin.get<ContainerList>(`${base("edge")}?name=${P}&state=exited,created&limit=1`);
    expect(one.body.items.map((c) => c.name)).toEqual([`${P}-edge-stopped`]);
    expect([one.body.total, one.body.running]).toEqual([1, 0]);
    const bad = await admin.get<{ error: { message: string } }>(`/api/v1/containers?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query\.limit: must be at least 1/);
  });

  it("names the field of a bad filter", async () => {
    const res = await admin.get<{ error: { code: string; message: string } }>(
      `/api/v1/containers?state=sleepy`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.message).toMatch(/^query\.state/);
  });
});

/**
 * How Wharf answers an action the container's state forbids: Docker answers 409, and Podman 4.3 answers
 * 500 "container state improper" for the same refusals; Wharf passes both on as CONFLICT (409), the
 * engine's words kept; the container is left as it was.
 */
const REFUSED = {
  local: { status: 409, code: "CONFLICT" },
  podman: { status: 409, code: "CONFLICT" },
} as const satisfies Record<SharedHost, { status: number; code: string }>;

describe.each(SHARED_HOSTS)("container detail and lifecycle on %s", (host) => {
  const ticker = `${P}-${host}-ticker`;
  const cliState = async () => docker(host, "inspect", "-f", "{{.State.Status}}", ticker);

  it("resolves a name, a unique id prefix and a full id to the same inspect document", async () => {
    const full = await docker(host, "inspect", "-f", "{{.Id}}", ticker);
    for (const ref of [ticker, full.slice(0, 12), full]) {
      const res = await admin.get<ContainerDetail>(`${base(host)}/${ref}`);
      expect(res.status).toBe(200);
      expect(res.body.inspect.Id).toBe(full);
      expect(res.body.derived.state).toBe("running");
      expect(res.body.derived.startedAt).toMatch(/^\d{4}-/);
    }
  });

  it("answers 404 naming an unknown container", async () => {
    const c = await admin.get<{ error: { code: string; message: string } }>(`${base(host)}/${P}-nope`);
    expect(c.status).toBe(404);
    expect(c.body.error.message).toMatch(/No such container/i);
  });

  it("restart gives a new start time", async () => {
    const before = await docker(host, "inspect", "-f", "{{.State.StartedAt}}", ticker);
    const res = await admin.send("POST", `${base(host)}/${ticker}/restart`);
    expect(res.status).toBe(200);
    const after = await docker(host, "inspect", "-f", "{{.State.StartedAt}}", ticker);
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(await cliState()).toBe("running");
  });

  it("pause freezes and unpause thaws, as the engine reports", async () => {
    expect((await admin.send("POST", `${base(host)}/${ticker}/pause`)).status).toBe(200);
    expect(await cliState()).toBe("paused");
    expect((await admin.send("POST", `${base(host)}/${ticker}/unpause`)).status).toBe(200);
    expect(await cliState()).toBe("running");
  });

  it("stop, then an action the state forbids answers 409 with the engine's message", async () => {
    expect((await admin.send("POST", `${base(host)}/${ticker}/stop`)).status).toBe(200);
    expect(await cliState()).toBe("exited");
    const pause = await admin.send<{ error: { code: string; message: string } }>(
      "POST",
      `${base(host)}/${ticker}/pause`,
    );
    expect(pause.status).toBe(REFUSED[host].status);
    expect(pause.body.error.code).toBe(REFUSED[host].code);
    expect(pause.body.error.message).toMatch(/is not running/);
    expect(await cliState()).toBe("exited");
    // Both answer 304 to stopping a stopped container, which Wharf passes on as CONFLICT.
    const stopAgain = await admin.send("POST", `${base(host)}/${ticker}/stop`);
    expect(stopAgain.status).toBe(409);
    expect((await admin.send("POST", `${base(host)}/${ticker}/start`)).status).toBe(200);
    expect(await cliState()).toBe("running");
    const kill = await admin.send("POST", `${base(host)}/${ticker}/kill`);
    expect(kill.status).toBe(200);
    expect(await cliState()).toBe("exited");
  });

  it("refuses to remove a running container without force, and removes it with force", async () => {
    const name = `${P}-${host}-idle`;
    const refused = await admin.send<{ error: { message: string } }>("DELETE", `${base(host)}/${name}`);
    expect(refused.status).toBe(REFUSED[host].status);
    expect(refused.body.error.message).toMatch(/running/i);
    expect(await docker(host, "ps", "-aq", "--filter", `name=^/?${name}$`)).not.toBe("");
    const removed = await admin.send("DELETE", `${base(host)}/${name}?force=true&volumes=true`);
    expect(removed.status).toBe(200);
    expect(await docker(host, "ps", "-aq", "--filter", `name=^/?${name}$`)).toBe("");
  });
});

describe("container requests Wharf refuses itself", () => {
  it("answers 404 naming an unknown host", async () => {
    const h = await admin.get<{ error: { code: string; message: string } }>(`/api/v1/hosts/mars/containers`);
    expect(h.status).toBe(404);
    expect(h.body.error.message).toContain('unknown host "mars"');
  });

  it("rejects an unknown action naming it", async () => {
    const res = await admin.send<{ error: { message: string } }>(
      "POST",
      `${base("local")}/${P}-local-ticker/explode`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^action/);
  });

  it("bulk actions report a result per container", async () => {
    const res = await admin.send<{ items: BulkResult[] }>("POST", "/api/v1/containers/bulk", {
      action: "restart",
      targets: [
        { hostId: "secure", id: `${P}-secure-ticker` },
        { hostId: "edge", id: `${P}-edge-ticker` },
        { hostId: "edge", id: `${P}-missing` },
        { hostId: "mars", id: "x" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(res.body.items[2]?.error?.code).toBe("NOT_FOUND");
    expect(res.body.items[3]?.error?.message).toContain("unknown host");
  });
});

describe("sessions and CSRF", () => {
  it("refuses every route but health and login without a session", async () => {
    expect((await fetch(`${srv.base}/api/v1/health`)).status).toBe(200);
    for (const p of [
      "/api/v1/hosts",
      "/api/v1/containers",
      `${base("local")}`,
      "/api/v1/auth/me",
      "/api/v1/openapi.json",
    ]) {
      const r = await fetch(srv.base + p);
      expect(r.status, p).toBe(401);
    }
    const page = await fetch(`${srv.base}/containers`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("rejects a wrong password without saying which part was wrong", async () => {
    const r = await fetch(`${srv.base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
      body: JSON.stringify({ username: "admin", password: "nope-nope" }),
    });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(
      "wrong username or password",
    );
  });

  it("refuses a state change without the CSRF header or from another origin", async () => {
    const ticker = `${base("secure")}/${P}-secure-ticker/restart`;
    const noHeader = await fetch(srv.base + ticker, { method: "POST", headers: { cookie: admin.cookie } });
    expect(noHeader.status).toBe(403);
    const foreign = await admin.send("POST", ticker, undefined, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("sets an httpOnly, SameSite session cookie", async () => {
    const r = await fetch(`${srv.base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    const cookie = r.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("ends the session on logout", async () => {
    const c = await login(srv.base);
    expect((await c.send("POST", "/api/v1/auth/logout")).status).toBe(200);
    expect((await c.get("/api/v1/auth/me")).status).toBe(401);
  });
});

describe("host info", () => {
  it("reports CPUs, memory and cgroup data for each engine", async () => {
    const res = await admin.get<{
      cpus: number;
      memoryBytes: number;
      cgroupDriver: string;
      serverVersion: string;
    }>("/api/v1/hosts/secure/info");
    expect(res.status).toBe(200);
    expect(res.body.cpus).toBeGreaterThan(0);
    expect(res.body.memoryBytes).toBeGreaterThan(0);
    expect(res.body.cgroupDriver).toBe(await docker("secure", "info", "-f", "{{.CgroupDriver}}"));
  });
});
