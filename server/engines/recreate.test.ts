import { describe, expect, it } from "vitest";
import { withCarriedSettings } from "./recreate";

describe("withCarriedSettings", () => {
  const old = {
    Config: { StopSignal: "SIGINT", Env: ["A=1"] },
    HostConfig: { CapAdd: ["NET_ADMIN"], Dns: ["10.0.0.1"], LogConfig: { Type: "local" }, Memory: 64 },
  };

  it("keeps the old container's settings outside the form when the body leaves them out", () => {
    const out = withCarriedSettings({ Image: "a", HostConfig: { Memory: 128 } }, old);

    expect(out).toEqual({
      Image: "a",
      StopSignal: "SIGINT",
      HostConfig: { Memory: 128, CapAdd: ["NET_ADMIN"], Dns: ["10.0.0.1"], LogConfig: { Type: "local" } },
    });
  });

  it("lets the body override or clear them, and never carries the form's own fields", () => {
    const out = withCarriedSettings({ Image: "a", StopSignal: "SIGTERM", HostConfig: { CapAdd: null } }, old);

    expect(out.StopSignal).toBe("SIGTERM");
    expect(out.HostConfig).toEqual({ CapAdd: null, Dns: ["10.0.0.1"], LogConfig: { Type: "local" } });
    expect(out.Env).toBeUndefined();
  });
});
