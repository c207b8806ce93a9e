import { describe, expect, it } from "vitest";
import { LIMIT_EDITORS, requestFor } from "./limit-fields";

const field = (key: string) => {
  const f = LIMIT_EDITORS.find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};

describe("limit editors", () => {
  it("turn human units into resources requests", () => {
    expect(requestFor(field("memory"), "512m")).toEqual({ memory: 512 * 1024 ** 2 });
    expect(requestFor(field("cpus"), "1.5")).toEqual({ nanoCpus: 1_500_000_000 });
    expect(requestFor(field("cpusetCpus"), "0-1")).toEqual({ cpusetCpus: "0-1" });
    expect(requestFor(field("pidsLimit"), "unlimited")).toEqual({ pidsLimit: -1 });
    expect(requestFor(field("memorySwap"), "-1")).toEqual({ memorySwap: -1 });
    expect(requestFor(field("restartPolicy"), "on-failure:5")).toEqual({
      restartPolicy: { name: "on-failure", maximumRetryCount: 5 },
    });
  });

  it("name the field and the reason before anything is sent", () => {
    expect(requestFor(field("memory"), "1m")).toBe("memory: must be at least 6 MiB");
    expect(requestFor(field("memory"), "lots")).toMatch(/^Memory: "lots" is not a size/);
    expect(requestFor(field("cpuShares"), "-5")).toMatch(/^cpuShares: must be at least 2/);
    expect(requestFor(field("cpusetCpus"), "0-")).toMatch(/^cpusetCpus: must be a list/);
    expect(requestFor(field("restartPolicy"), "sometimes")).toMatch(/^Restart:/);
  });
});
