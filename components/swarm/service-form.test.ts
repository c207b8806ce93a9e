import { describe, expect, it } from "vitest";
import { checkWith } from "@/components/ui/form-check";
import { serviceCreateSchema } from "@/lib/swarm/schemas";
import type { SwarmService } from "@/lib/swarm/types";
import { createBody, EMPTY_DRAFT, labelsOf, updateBody, updateDraftOf } from "./service-form";

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
    const service = {
      version: 42,
      image: "local/busybox:1.35",
      command: ["sleep", "3600"],
      env: ["A=1"],
    } as SwarmService;
    const body = updateBody({ ...updateDraftOf(service), env: "A=2" }, service);
    expect(body).toMatchObject({ version: 42, command: ["sleep", "3600"], env: ["A=2"] });
  });
});
