import { describe, expect, it } from "vitest";
import { formFieldOf } from "./field-errors";

describe("server field errors", () => {
  it("lead to the form field they name, in spec or Engine API terms", () => {
    expect(formFieldOf("config.Image")).toBe("image");
    expect(formFieldOf("name")).toBe("name");
    expect(formFieldOf("config.Env.2")).toBe("env");
    expect(formFieldOf("config.HostConfig.Memory")).toBe("limits");
    expect(formFieldOf("config.HostConfig.PortBindings.80/tcp")).toBe("ports");
    expect(formFieldOf("config.HostConfig.Mounts.0.Target")).toBe("mounts");
    expect(formFieldOf("config.HostConfig.RestartPolicy.Name")).toBe("restart");
    expect(formFieldOf("config.NetworkingConfig.EndpointsConfig")).toBe("network");
    expect(formFieldOf("config.Healthcheck.Interval")).toBe("healthcheck");
    expect(formFieldOf("somethingElse")).toBeUndefined();
  });
});
