import { describe, expect, it } from "vitest";
import { checkWith } from "@/components/ui/form-check";
import { serviceCreateSchema, serviceUpdateSchema } from "@/lib/swarm/schemas";
import type { SwarmService } from "@/lib/swarm/types";
import {
  createBody,
  EMPTY_DRAFT,
  labelsOf,
  NO_RESOURCES,
  RESOURCE_REASONS,
  resourcesOf,
  updateBody,
  updateDraftOf,
} from "./service-form";

const MIB = 1024 ** 2;

/** A service as the view answers it, with what an update form reads. */
const service = (more: Partial<SwarmService> = {}) =>
  ({
    version: 42,
    image: "local/busybox:1.35",
    command: ["sleep", "3600"],
    env: ["A=1"],
    ...more,
  }) as SwarmService;

/** The issue a form error names, as the forms read it. */
function issueOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return (e as { details?: { issues?: unknown[] } }).details?.issues?.[0];
  }
  return undefined;
}

describe("service form", () => {
  it("reads key=value lines, a bare key as an empty label", () => {
    expect(labelsOf("team=a\n\n  tier=web=x \nflag")).toEqual({ team: "a", tier: "web=x", flag: "" });
  });

  it("builds the create body: the command split as a shell would, numbers as numbers", () => {
    // Arrange
    const draft = { ...EMPTY_DRAFT, name: " web ", image: "local/busybox:1.35", command: "sh -c 'sleep 1'" };
    // Act
    const body = createBody({ ...draft, replicas: "3", env: "A=1\nB=2", parallelism: "2", delay: "" });
    // Assert
    expect(body).toEqual({
      name: "web",
      image: "local/busybox:1.35",
      mode: "replicated",
      replicas: 3,
      command: ["sh", "-c", "sleep 1"],
      env: ["A=1", "B=2"],
      updateConfig: { parallelism: 2, delay: "0s", failureAction: "pause", order: "stop-first" },
    });
  });

  it("sends a global service without replicas, even a count typed before switching", () => {
    // Arrange
    const draft = { ...EMPTY_DRAFT, name: "agent", image: "local/busybox:1.35", replicas: "5" };
    // Act
    const body = createBody({ ...draft, mode: "global" });
    // Assert
    expect(body.mode).toBe("global");
    expect(body).not.toHaveProperty("replicas");
    expect(checkWith(serviceCreateSchema, body)).toBeUndefined();
  });

  it("keeps replicas for a replicated service, which the server's schema takes", () => {
    const body = createBody({ ...EMPTY_DRAFT, name: "web", image: "local/busybox:1.35", replicas: "2" });
    expect(body).toMatchObject({ mode: "replicated", replicas: 2 });
    expect(checkWith(serviceCreateSchema, body)).toBeUndefined();
  });

  it("leaves a number that is not one for the server to name", () => {
    expect(createBody({ ...EMPTY_DRAFT, replicas: "two" }).replicas).toBe("two");
  });

  it("refuses an unclosed quote in the command, naming the field", () => {
    expect(() => createBody({ ...EMPTY_DRAFT, command: "echo 'open" })).toThrow(/command/);
  });

  it("updates at the version read, with the service's own values as the starting draft", () => {
    const s = service();
    const body = updateBody({ ...updateDraftOf(s), env: "A=2" }, s);
    expect(body).toMatchObject({ version: 42, command: ["sleep", "3600"], env: ["A=2"] });
  });

  it("reads CPUs as a decimal and memory in the CLI's units or bytes", () => {
    // Act
    const r = resourcesOf({
      cpuLimit: "0.5",
      memoryLimit: "64M",
      cpuReservation: " 2 ",
      memoryReservation: "1.5G",
    });
    // Assert
    expect(r).toEqual({
      limits: { nanoCpus: 5e8, memoryBytes: 64 * MIB },
      reservations: { nanoCpus: 2e9, memoryBytes: 1536 * MIB },
    });
    expect(resourcesOf({ ...NO_RESOURCES, memoryLimit: "67108864", cpuReservation: "0.25" })).toEqual({
      limits: { memoryBytes: 64 * MIB },
      reservations: { nanoCpus: 2.5e8 },
    });
    expect(resourcesOf(NO_RESOURCES)).toEqual({});
  });

  it("refuses a value that is not CPUs or a size, naming the field", () => {
    expect(issueOf(() => resourcesOf({ ...NO_RESOURCES, cpuLimit: "half" }))).toEqual({
      field: "resources.limits.nanoCpus",
      message: RESOURCE_REASONS.notCpus,
    });
    expect(issueOf(() => resourcesOf({ ...NO_RESOURCES, cpuReservation: "-1" }))).toMatchObject({
      field: "resources.reservations.nanoCpus",
    });
    expect(issueOf(() => createBody({ ...EMPTY_DRAFT, memoryReservation: "64 apples" }))).toEqual({
      field: "resources.reservations.memoryBytes",
      message: RESOURCE_REASONS.notSize,
    });
  });

  it("creates with resources and the whole update policy, which the server's schema takes", () => {
    // Arrange
    const draft = {
      ...EMPTY_DRAFT,
      name: "web",
      image: "local/busybox:1.35",
      cpuLimit: "0.5",
      memoryLimit: "64M",
      monitor: "5s",
      maxFailureRatio: "0.2",
      order: "start-first" as const,
    };
    // Act
    const body = createBody(draft);
    // Assert
    expect(body).toMatchObject({
      resources: { limits: { nanoCpus: 5e8, memoryBytes: 64 * MIB } },
      updateConfig: {
        parallelism: 1,
        delay: "0s",
        failureAction: "pause",
        monitor: "5s",
        maxFailureRatio: 0.2,
        order: "start-first",
      },
    });
    expect(checkWith(serviceCreateSchema, body)).toBeUndefined();
  });

  it("leaves out a blank monitor and failure ratio, and resources when none is set", () => {
    const body = createBody({ ...EMPTY_DRAFT, name: "web", image: "local/busybox:1.35", monitor: " " });
    expect(body).not.toHaveProperty("resources");
    expect(body.updateConfig).not.toHaveProperty("monitor");
    expect(body.updateConfig).not.toHaveProperty("maxFailureRatio");
  });

  it("leaves a failure ratio beyond 1 for the server's schema to name", () => {
    const body = createBody({ ...EMPTY_DRAFT, name: "web", image: "x", maxFailureRatio: "1.5" });
    expect(checkWith(serviceCreateSchema, body)?.message).toMatch(/^updateConfig\.maxFailureRatio: /);
  });

  it("starts the update form from the service's resources and both policies", () => {
    // Arrange
    const policy = {
      parallelism: 2,
      delay: "10s",
      failureAction: "continue" as const,
      monitor: "5s",
      maxFailureRatio: 0.2,
      order: "start-first" as const,
    };
    const s = service({
      resources: {
        limits: { nanoCpus: 5e8, memoryBytes: 64 * MIB },
        reservations: { memoryBytes: 1536 * MIB },
      },
      updateConfig: policy,
      rollbackConfig: { ...policy, parallelism: 0, monitor: "0s" },
    });
    // Act
    const d = updateDraftOf(s);
    // Assert
    expect(d).toMatchObject({
      cpuLimit: "0.5",
      memoryLimit: "64M",
      cpuReservation: "",
      memoryReservation: "1536M",
      monitor: "5s",
      maxFailureRatio: "0.2",
    });
    expect(d.rollback).toEqual({ ...policy, parallelism: "0", monitor: "0s", maxFailureRatio: "0.2" });
    // Nothing changed: the resources and the rollback policy it holds are not sent again.
    const body = updateBody(d, s);
    expect(body).not.toHaveProperty("resources");
    expect(body).not.toHaveProperty("rollbackConfig");
    expect(body.updateConfig).toEqual(policy);
  });

  it("sends changed resources and the rollback policy, in a body the server's schema takes", () => {
    // Arrange
    const s = service();
    const d = {
      ...updateDraftOf(s),
      cpuLimit: "0.5",
      memoryLimit: "64M",
      cpuReservation: "0.25",
      memoryReservation: "32M",
      monitor: "5s",
      maxFailureRatio: "0.2",
    };
    // Act
    const body = updateBody(
      { ...d, rollback: { ...d.rollback, parallelism: "2", failureAction: "continue" } },
      s,
    );
    // Assert
    expect(body).toEqual({
      version: 42,
      image: "local/busybox:1.35",
      command: ["sleep", "3600"],
      env: ["A=1"],
      resources: {
        limits: { nanoCpus: 5e8, memoryBytes: 64 * MIB },
        reservations: { nanoCpus: 2.5e8, memoryBytes: 32 * MIB },
      },
      updateConfig: {
        parallelism: 1,
        delay: "0s",
        failureAction: "pause",
        monitor: "5s",
        maxFailureRatio: 0.2,
        order: "stop-first",
      },
      rollbackConfig: { parallelism: 2, delay: "0s", failureAction: "continue", order: "stop-first" },
    });
    expect(checkWith(serviceUpdateSchema, body)).toBeUndefined();
  });

  it("clears every limit and reservation with an empty resources object", () => {
    const s = service({ resources: { limits: { nanoCpus: 5e8 }, reservations: { memoryBytes: 32 * MIB } } });
    const body = updateBody({ ...updateDraftOf(s), ...NO_RESOURCES }, s);
    expect(body.resources).toEqual({});
    expect(checkWith(serviceUpdateSchema, body)).toBeUndefined();
  });

  it("keeps a rollback policy from rolling back: the server's schema refuses it", () => {
    const s = service();
    const d = updateDraftOf(s);
    const body = updateBody({ ...d, rollback: { ...d.rollback, failureAction: "rollback" } }, s);
    expect(checkWith(serviceUpdateSchema, body)?.message).toMatch(/^rollbackConfig\.failureAction: /);
  });
});
