import { describe, expect, it } from "vitest";
import { serviceCreateSchema, serviceUpdateSchema } from "../../lib/swarm/schemas";
import { createSpec, updatedSpec } from "./spec";

const noRefs = { configs: new Map<string, string>(), secrets: new Map<string, string>() };

describe("service specs from Wharf's form", () => {
  it("builds a replicated spec with its update and rollback policies in the engine's units", () => {
    const body = serviceCreateSchema.parse({
      name: "web",
      image: "local/busybox:1.35",
      command: ["sleep", "1000"],
      replicas: 6,
      labels: { team: "a" },
      constraints: ["node.role==manager"],
      updateConfig: {
        parallelism: 2,
        delay: "1s",
        order: "start-first",
        failureAction: "rollback",
        monitor: 500,
      },
      rollbackConfig: { parallelism: 0, maxFailureRatio: 0.5 },
    });
    const spec = createSpec(body, noRefs);
    expect(spec.Name).toBe("web");
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 6 } });
    expect(spec.Labels).toEqual({ team: "a" });
    expect(spec.TaskTemplate?.ContainerSpec).toMatchObject({
      Image: "local/busybox:1.35",
      Command: ["sleep", "1000"],
    });
    expect(spec.TaskTemplate?.Placement?.Constraints).toEqual(["node.role==manager"]);
    expect(spec.UpdateConfig).toEqual({
      Parallelism: 2,
      Delay: 1e9,
      Order: "start-first",
      FailureAction: "rollback",
      Monitor: 500e6,
    });
    expect(spec.RollbackConfig).toEqual({ Parallelism: 0, MaxFailureRatio: 0.5 });
    expect(spec.TaskTemplate?.Networks).toBeUndefined();
  });

  it("keeps every field an update does not name, and forces a restart when asked", () => {
    const current = createSpec(
      serviceCreateSchema.parse({
        name: "web",
        image: "a:1",
        env: ["A=1"],
        updateConfig: { parallelism: 2 },
      }),
      noRefs,
    );
    const next = updatedSpec(
      current,
      serviceUpdateSchema.parse({ image: "a:2", updateConfig: { delay: "2s" }, force: true }),
      noRefs,
    );
    expect(next.TaskTemplate?.ContainerSpec?.Image).toBe("a:2");
    expect(next.TaskTemplate?.ContainerSpec?.Env).toEqual(["A=1"]);
    expect(next.UpdateConfig).toEqual({ Parallelism: 2, Delay: 2e9 });
    expect(next.TaskTemplate?.ForceUpdate).toBe(1);
    expect(current.TaskTemplate?.ContainerSpec?.Image).toBe("a:1");
  });

  it("names the field and the reason for bad input", () => {
    const r = serviceCreateSchema.safeParse({
      name: "web",
      image: "a",
      updateConfig: { delay: "soon", order: "sideways" },
    });
    expect(r.success).toBe(false);
    const fields = r.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(fields).toEqual(expect.arrayContaining(["updateConfig.delay", "updateConfig.order"]));
    const g = serviceCreateSchema.safeParse({ name: "web", image: "a", mode: "global", replicas: 2 });
    expect(g.error?.issues[0]?.path).toEqual(["replicas"]);
    expect(
      serviceCreateSchema.safeParse({
        name: "web",
        image: "a",
        rollbackConfig: { failureAction: "rollback" },
      }).success,
    ).toBe(false);
  });
});
