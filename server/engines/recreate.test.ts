import { describe, expect, it } from "vitest";
import { oneAtATime, withCarriedSettings } from "./recreate";

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

describe("oneAtATime", () => {
  it("refuses a second recreate of the same container while the first runs, and frees it after", async () => {
    let release = () => {};
    const first = oneAtATime("h/c1", "web", () => new Promise<string>((r) => (release = () => r("done"))));

    await expect(oneAtATime("h/c1", "web", () => Promise.resolve("again"))).rejects.toThrow(
      /recreate of web is already under way/,
    );
    await expect(oneAtATime("h/c2", "other", () => Promise.resolve("other"))).resolves.toBe("other");
    release();
    await expect(first).resolves.toBe("done");
    await expect(oneAtATime("h/c1", "web", () => Promise.resolve("later"))).resolves.toBe("later");
  });

  it("frees the container when the recreate fails", async () => {
    await expect(oneAtATime("h/c3", "x", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(oneAtATime("h/c3", "x", () => Promise.resolve("ok"))).resolves.toBe("ok");
  });
});
