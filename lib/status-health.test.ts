import { describe, expect, it } from "vitest";
import { healthOfStatus } from "./status-health";

describe("healthOfStatus", () => {
  it("reads the health the engine writes into the status text", () => {
    expect(healthOfStatus("Up 5 seconds (healthy)")).toBe("healthy");
    expect(healthOfStatus("Up 2 minutes (unhealthy)")).toBe("unhealthy");
    expect(healthOfStatus("Up 3 seconds (health: starting)")).toBe("starting");
  });

  it("finds none without a healthcheck, nor in an exit code or a pause", () => {
    expect(healthOfStatus("Up 5 seconds")).toBeUndefined();
    expect(healthOfStatus("Exited (137) 3 hours ago")).toBeUndefined();
    expect(healthOfStatus("Up 2 minutes (Paused)")).toBeUndefined();
  });
});
