import { describe, expect, it } from "vitest";
import { logsRefOf } from "./log-target";

describe("logsRefOf", () => {
  it("names a container by its containerId", () => {
    expect(logsRefOf({ hostId: "local", containerId: "web" })).toEqual({
      hostId: "local",
      containerId: "web",
    });
  });

  it("names a service by its serviceId", () => {
    expect(logsRefOf({ hostId: "swarm", containerId: "web", kind: "service" })).toEqual({
      hostId: "swarm",
      serviceId: "web",
    });
  });

  it("turns the key a service's batches carry back into the service's id", () => {
    const target = { hostId: "swarm", containerId: "web", kind: "service" as const };

    expect(logsRefOf(target, "service:abc123")).toEqual({ hostId: "swarm", serviceId: "abc123" });
  });
});
