import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ENGINE_IDS,
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

interface Family {
  name: string;
  type: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-pm`;
const A = `${P}-a`;
const B = `${P}-b`;
const tokens: Record<string, string> = {};

/** The Prometheus project's own text parser (Debian's python3-prometheus-client), not Wharf's code. */
function parse(text: string): Family[] {
  const r = spawnSync("/usr/bin/python3", [path.join(import.meta.dirname, "fixtures/prom-parse.py")], {
    input: text,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`the parser refused the text: ${r.stderr}`);
  return JSON.parse(r.stdout) as Family[];
}

async function scrape(token?: string, cookie?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${srv.base}/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

const samples = (fams: Family[], name: string) => fams.find((f) => f.name === name)?.samples ?? [];

beforeAll(async () => {
  srv = await startServer({ metricsIntervalMs: 1000 });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  for (const [key, body] of [
    ["all", { name: `${P}-all`, role: "viewer" }],
    ["b", { name: `${P}-b`, role: "viewer", labelSelector: "team=b" }],
  ] as const) {
    const r = await admin.send<{ token: string }>("POST", "/api/v1/tokens", body);
    if (r.status !== 201) throw new Error(`token ${key}: ${r.status} ${JSON.stringify(r.body)}`);
    tokens[key] = r.body.token;
  }
  await runFixture("edge", A, "local/ticker:1", ["--label", "team=a", "--memory", "32m"]);
  await runFixture("edge", B, "local/idle:1", ["--label", "team=b"]);
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  await srv?.stop();
});

describe("GET /metrics", () => {
  it("needs an API token: none, a bad one and a session cookie are 401", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("wharf_nope")).status).toBe(401);
    const viaCookie = await scrape(undefined, admin.cookie);
    expect(viaCookie.status).toBe(401);
    expect(viaCookie.text).toMatch(/needs an API token/);
  });

  it("parses with Prometheus' own parser and carries Wharf's, the hosts' and the containers' figures", async () => {
    const fams = await waitFor(
      async () => {
        const r = await scrape(tokens.all);
        const f = parse(r.text);
        const mem = samples(f, "wharf_container_memory_bytes").find((s) => s.labels.container === A);
        return r.status === 200 && mem && mem.value > 0 ? f : undefined;
      },
      30_000,
      `${A} in /metrics`,
    );
    const r = await scrape(tokens.all);
    expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
    // Wharf's own: the process, HTTP and socket latencies, event lag.
    expect(fams.find((f) => f.name === "wharf_process_cpu_seconds")?.type).toBe("counter");
    expect(fams.find((f) => f.name === "wharf_http_request_duration_seconds")?.type).toBe("histogram");
    expect(
      samples(fams, "wharf_http_request_duration_seconds").some((s) => s.labels.route === "/api/v1/hosts"),
    ).toBe(true);
    // Every host, up.
    for (const id of ENGINE_IDS)
      expect(samples(fams, "wharf_host_up").find((s) => s.labels.host === id)?.value, id).toBe(1);
    // The container: its limit as the CLI set it, its CPU, running.
    const mine = (name: string) => samples(fams, name).find((s) => s.labels.container === A);
    expect(mine("wharf_container_memory_limit_bytes")?.value).toBe(32 * 1024 * 1024);
    expect(mine("wharf_container_cpu_percent")?.labels).toEqual({
      host: "edge",
      container: A,
      project: "",
      service: "",
    });
    expect(mine("wharf_container_running")?.value).toBe(1);
    expect(mine("wharf_container_pids")?.value).toBeGreaterThanOrEqual(1);
    // Bounded labels: only host, container, project and service on any per-container figure.
    for (const f of fams.filter((x) => x.name.startsWith("wharf_container_")))
      for (const s of f.samples)
        expect(Object.keys(s.labels).sort(), f.name).toEqual(["container", "host", "project", "service"]);
  });

  it("counts a restart the engine reports", async () => {
    await docker("edge", "restart", "-t", "1", A);
    await waitFor(
      async () => {
        const f = parse((await scrape(tokens.all)).text);
        return (
          // The parser names a counter's family without "_total", and its sample with it.
          (f.find((x) => x.name === "wharf_container_restarts")?.type === "counter" &&
            samples(f, "wharf_container_restarts").find(
              (s) => s.name === "wharf_container_restarts_total" && s.labels.container === A,
            )?.value === 1) ||
          undefined
        );
      },
      20_000,
      "one restart counted",
    );
  });

  it("gives a label-scoped token its own containers only, and no host totals", async () => {
    const all = parse((await scrape(tokens.all)).text);
    expect(samples(all, "wharf_host_cpu_percent").length).toBeGreaterThan(0);
    const r = await scrape(tokens.b);
    expect(r.status).toBe(200);
    const fams = parse(r.text);
    const names = new Set(
      fams.flatMap((f) =>
        f.samples.filter((s) => s.name.startsWith("wharf_container_")).map((s) => s.labels.container),
      ),
    );
    expect(names).toContain(B);
    expect(names).not.toContain(A);
    expect(samples(fams, "wharf_host_cpu_percent")).toEqual([]);
    expect(samples(fams, "wharf_host_memory_bytes")).toEqual([]);
  });
});
