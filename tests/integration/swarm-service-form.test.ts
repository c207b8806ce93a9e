/**
 * The service page's rolling-update form against the three-manager test cluster: the body the form
 * builds sets limits, reservations and both policies as `docker service inspect` reads them back,
 * and clearing the limits and reservations takes them away. The service publishes no port, joins
 * no network and sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_RESOURCES, updateBody, updateDraftOf } from "../../components/swarm/service-form";
import type { SwarmService } from "../../lib/swarm/types";
import { startSwarmServer, swarmCli } from "./swarm-cluster";
import { RUN_ID, type Client } from "./harness";

const P = `${RUN_ID}-sf`.toLowerCase().replace(/[^a-z0-9_-]/g, "");
const API = "/api/v1/hosts/swarm/swarm";
const MIB = 1024 ** 2;

let admin: Client;
let stopSwarm = async () => {};

beforeAll(async () => {
  ({ admin, stop: stopSwarm } = await startSwarmServer());
}, 120_000);

afterAll(async () => {
  const services = await swarmCli("service", "ls", "-q", "--filter", `name=${P}`).catch(() => "");
  if (services) await swarmCli("service", "rm", ...services.split("\n")).catch(() => "");
  await stopSwarm();
}, 120_000);

interface InspectedSpec {
  TaskTemplate: {
    Resources?: {
      Limits?: { NanoCPUs?: number; MemoryBytes?: number };
      Reservations?: { NanoCPUs?: number; MemoryBytes?: number };
    };
  };
  UpdateConfig?: Record<string, unknown>;
  RollbackConfig?: Record<string, unknown>;
}

const inspected = async (id: string) =>
  JSON.parse(await swarmCli("service", "inspect", id, "--format", "{{json .Spec}}")) as InspectedSpec;

const getService = async (id: string) => {
  const r = await admin.get<SwarmService>(`${API}/services/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

async function patch(s: SwarmService, body: unknown): Promise<SwarmService> {
  const r = await admin.send<{ service: SwarmService }>("PATCH", `${API}/services/${s.id}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.service;
}

describe("the rolling-update form", () => {
  it("sets limits, reservations, update monitor and failure ratio and the rollback policy, then clears the resources", async () => {
    // Arrange: a service with no resources and the engine's rollback policy.
    const created = await admin.send<{ service: SwarmService }>("POST", `${API}/services`, {
      name: `${P}-form`,
      image: "local/busybox:1.35",
      command: ["sleep", "100000"],
      labels: { run: P },
      // sleep as PID 1 ignores SIGTERM: without this each old task takes the default 10 s to stop.
      stopGracePeriod: "1s",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = await getService(created.body.service.id);
    const draft = updateDraftOf(before);

    // Act: the form's fields as an operator fills them.
    const body = updateBody(
      {
        ...draft,
        cpuLimit: "0.5",
        memoryLimit: "64M",
        cpuReservation: "0.25",
        memoryReservation: "32M",
        monitor: "5s",
        maxFailureRatio: "0.2",
        rollback: { ...draft.rollback, parallelism: "2", failureAction: "continue" },
      },
      before,
    );
    const updated = await patch(before, body);

    // Assert: the engine holds what the form said, and the view reads it back.
    const resources = {
      limits: { nanoCpus: 5e8, memoryBytes: 64 * MIB },
      reservations: { nanoCpus: 2.5e8, memoryBytes: 32 * MIB },
    };
    expect(body).toMatchObject({ version: before.version, resources });
    expect(updated.resources).toEqual(resources);
    const spec = await inspected(before.id);
    expect(spec.TaskTemplate.Resources).toEqual({
      Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * MIB },
      Reservations: { NanoCPUs: 2.5e8, MemoryBytes: 32 * MIB },
    });
    expect(spec.UpdateConfig).toMatchObject({ Monitor: 5e9, MaxFailureRatio: 0.2 });
    expect(spec.RollbackConfig).toMatchObject({ Parallelism: 2, FailureAction: "continue" });

    // Act: every limit and reservation cleared, from the form as the page now shows it.
    const current = await getService(before.id);
    const cleared = updateBody({ ...updateDraftOf(current), ...NO_RESOURCES }, current);
    expect(cleared).toMatchObject({ resources: {} });
    expect(cleared).not.toHaveProperty("rollbackConfig");
    const after = await patch(current, cleared);

    // Assert: gone from the engine's spec; the policies stay as they were.
    expect(after).not.toHaveProperty("resources");
    const clearedSpec = await inspected(before.id);
    expect(clearedSpec.TaskTemplate.Resources?.Limits ?? {}).toEqual({});
    expect(clearedSpec.TaskTemplate.Resources?.Reservations ?? {}).toEqual({});
    expect(clearedSpec.UpdateConfig).toMatchObject({ Monitor: 5e9, MaxFailureRatio: 0.2 });
    expect(clearedSpec.RollbackConfig).toMatchObject({ Parallelism: 2, FailureAction: "continue" });
  });
});
