import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NamespaceView } from "../../lib/namespaces";
import type { HostQuotaSummary, QuotaRow, ResourcesResult } from "../../lib/quotas";
import type { AuditEntry } from "../../lib/types";
import {
  ENGINE_IDS,
  PODMAN_ID,
  RUN_ID,
  docker,
  hostsWithPodman,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-q`;
const T = `${P}-t`;
const MiB = 1024 * 1024;

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, [...ENGINE_IDS, PODMAN_ID]);
  for (const host of ["edge", PODMAN_ID] as const)
    await runFixture(host, T, "local/ticker:1", ["--memory", "64m", "--label", "team=q"]);
});

afterAll(async () => {
  await removeByPrefix(P);
  await srv?.stop();
});

const inspect = (fmt: string) => docker("edge", "inspect", "-f", fmt, T);
const LIMITS_FMT =
  "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.CpusetCpus}} {{.HostConfig.CpuShares}}";
const patch = (body: unknown) =>
  admin.send<ResourcesResult & { error?: { code: string; message: string } }>(
    "PATCH",
    `/api/v1/hosts/edge/containers/${T}/resources`,
    body,
  );

const APPLIED = { memory: 48 * MiB, nanoCpus: 500_000_000, pidsLimit: 64, cpusetCpus: "0" };

it("refuses live limits on the Podman host, which has no update endpoint, and changes nothing", async () => {
  // Podman 4.3's Docker-compatible API has no POST /containers/{id}/update (it answers 404): Wharf
  // lists live limits as disabled on the host and refuses a change as a conflict, saying why, without
  // asking the engine. Limits set when the container was made still show.
  const res = await admin.send<{ error: { code: string; message: string } }>(
    "PATCH",
    `/api/v1/hosts/${PODMAN_ID}/containers/${T}/resources`,
    { memory: 48 * MiB, memorySwap: 96 * MiB },
  );
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("CONFLICT");
  expect(res.body.error.message).toMatch(/recreate it to change them/);
  expect(await docker(PODMAN_ID, "inspect", "-f", "{{.HostConfig.Memory}}", T)).toBe(`${64 * MiB}`);
});

describe.each(["edge", PODMAN_ID] as const)("limits on %s", (host) => {
  it.skipIf(host === PODMAN_ID)(
    "applies memory 48m, 0.5 CPUs, 64 pids and cpuset 0 exactly as the CLI then reads them",
    async () => {
      const res = await patch({ ...APPLIED, memorySwap: 96 * MiB });
      expect(res.status).toBe(200);
      expect(res.body.notApplied).toEqual([]);
      expect(res.body.applied).toMatchObject(APPLIED);
      expect(res.body.before.memory).toBe(64 * MiB);
      expect(await inspect(LIMITS_FMT)).toBe(`${48 * MiB} 500000000 64 0 0`);
    },
  );

  it("lists every limit per container in the quota view and sums them against the host", async () => {
    const quotas = () =>
      admin.get<{ items: QuotaRow[]; summary: HostQuotaSummary }>(`/api/v1/hosts/${host}/quotas`);
    // The list follows the engine's events, which from Podman can come a moment after the CLI returns.
    await waitFor(async () => (await quotas()).body.items.some((r) => r.name === T) || undefined, 5000, T);
    const res = await quotas();
    expect(res.status).toBe(200);
    const row = res.body.items.find((r) => r.name === T);
    const memory = host === PODMAN_ID ? 64 * MiB : 48 * MiB;
    expect(row?.limits).toMatchObject(host === PODMAN_ID ? { memory } : APPLIED);
    const cpus = Number(await docker(host, "info", "-f", "{{.NCPU}}"));
    expect(res.body.summary.cpus).toBe(cpus);
    expect(res.body.summary.memoryLimitSum).toBeGreaterThanOrEqual(memory);
    if (host !== PODMAN_ID) expect(res.body.summary.cpuLimitSum).toBeGreaterThanOrEqual(0.5);
  });
});

describe("live limits", () => {
  it.each([
    ["1m memory", { memory: MiB }, /^memory: must be at least 6 MiB/],
    ["cpuset 99", { cpusetCpus: "99" }, /^cpusetCpus: CPU 99 does not exist on this host/],
    ["negative shares", { cpuShares: -5 }, /^cpuShares: /],
    ["a malformed cpuset", { cpusetCpus: "0-" }, /^cpusetCpus: must be a list/],
    ["an unknown field", { memroy: 48 * MiB }, /memroy|Unrecognized/],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_label, body, message) => {
    const before = await inspect(LIMITS_FMT);
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(message);
    expect(await inspect(LIMITS_FMT)).toBe(before);
  });

  it("passes the engine's own refusal through as a 4xx and leaves the limits as they were", async () => {
    const before = await inspect(LIMITS_FMT);
    // Memory above the swap limit already set is the engine's rule, not Wharf's.
    const res = await patch({ memory: 512 * MiB });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error?.message).toMatch(/memoryswap|swap/i);
    expect(await inspect(LIMITS_FMT)).toBe(before);
  });

  it("gives a first memory limit docker run's swap default, and says so", async () => {
    const name = `${P}-nolimit`;
    await runFixture("edge", name, "local/idle:1");
    const res = await admin.send<ResourcesResult>(
      "PATCH",
      `/api/v1/hosts/edge/containers/${name}/resources`,
      {
        memory: 96 * MiB,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.notApplied).toEqual([]);
    expect(res.body.warnings.join("\n")).toMatch(/memorySwap was unset/);
    expect(
      await docker("edge", "inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}", name),
    ).toBe(`${96 * MiB} ${192 * MiB}`);
  });

  it("reports a blkio weight the kernel discards as not applied, with the engine's warning", async () => {
    const res = await patch({ blkioWeight: 300 });
    expect(res.status).toBe(200);
    expect(res.body.warnings.join("\n")).toMatch(/Block I\/O weight/);
    expect(res.body.notApplied).toEqual([{ field: "blkioWeight", requested: 300, actual: 0 }]);
    expect(await inspect("{{.HostConfig.BlkioWeight}}")).toBe("0");
  });

  it("changes the restart policy live and audits before and after", async () => {
    const res = await patch({ restartPolicy: { name: "on-failure", maximumRetryCount: 3 } });
    expect(res.status).toBe(200);
    expect(res.body.notApplied).toEqual([]);
    expect(
      await inspect("{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"),
    ).toBe("on-failure:3");
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=container.limits");
    const entry = audit.body.items[0];
    expect(entry).toMatchObject({ hostId: "edge", target: T, result: "ok" });
    expect(entry?.params).toMatchObject({
      before: { restartPolicy: { name: "no", maximumRetryCount: 0 } },
      after: { restartPolicy: { name: "on-failure", maximumRetryCount: 3 } },
    });
  });

  it("refuses viewers, and hides containers outside a label scope", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-v`, role: "viewer" });
    const v = await viewer.send("PATCH", `/api/v1/hosts/edge/containers/${T}/resources`, { pidsLimit: 10 });
    expect(v.status).toBe(403);
    const scoped = await userClient(srv.base, admin, {
      username: `${P}-s`,
      role: "operator",
      labelSelector: "team=other",
    });
    const s = await scoped.send("PATCH", `/api/v1/hosts/edge/containers/${T}/resources`, { pidsLimit: 10 });
    expect(s.status).toBe(404);
    expect(await inspect("{{.HostConfig.PidsLimit}}")).toBe("64");
  });
});

describe("the quota view", () => {
  it("sums every host's limits, the Podman host's among them", async () => {
    const all = await admin.get<{ items: QuotaRow[]; summaries: HostQuotaSummary[] }>("/api/v1/quotas");
    expect(all.body.summaries.map((s) => s.hostId).sort()).toEqual(["edge", "local", "podman", "secure"]);
    expect(
      all.body.items
        .filter((r) => r.name === T)
        .map((r) => r.hostId)
        .sort(),
    ).toEqual(["edge", "podman"]);
  });
});

describe("the namespace view", () => {
  it("shows modes and processes, and on the local engine which namespaces are the host's", async () => {
    await runFixture("local", `${P}-ns`, "local/idle:1");
    await docker(
      "local",
      "run",
      "-d",
      "--network",
      "host",
      "--pid",
      "host",
      "--name",
      `${P}-hostns`,
      "local/idle:1",
    );
    const own = await admin.get<NamespaceView>(`/api/v1/hosts/local/containers/${P}-ns/namespaces`);
    expect(own.status).toBe(200);
    expect(own.body.modes.network).toBe("none");
    expect(own.body.processes.titles).toContain("PID");
    expect(own.body.processes.rows.length).toBeGreaterThan(0);
    const byType = (v: NamespaceView) =>
      Object.fromEntries((v.identities ?? []).map((i) => [i.type, i.sharedWithHost]));
    expect(byType(own.body)).toMatchObject({ pid: false, net: false, mnt: false });
    const shared = await admin.get<NamespaceView>(`/api/v1/hosts/local/containers/${P}-hostns/namespaces`);
    expect(shared.body.modes).toMatchObject({ pid: "host", network: "host" });
    expect(byType(shared.body)).toMatchObject({ pid: true, net: true, mnt: false });
    const remote = await admin.get<NamespaceView>(`/api/v1/hosts/edge/containers/${T}/namespaces`);
    expect(remote.body.identities).toBeUndefined();
    expect(remote.body.identitiesNote).toMatch(/own machine/);
  });
});
