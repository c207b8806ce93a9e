import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { disabledCapabilities, PODMAN_QUIRKS, proofTitle, QUIRK_IDS } from "./quirks";

describe("the Podman quirk table", () => {
  it("has one entry per id, in the order of the ids", () => {
    expect(PODMAN_QUIRKS.map((q) => q.id)).toEqual([...QUIRK_IDS]);
  });

  it("names a test on the real Podman host for every entry", () => {
    const file = path.join(__dirname, "../../../tests/integration/podman.test.ts");
    const source = fs.readFileSync(file, "utf8");
    for (const id of QUIRK_IDS) expect(source, id).toContain(`"${proofTitle(id)}`);
  });

  it("disables live limits everywhere, and pause and memory stats on rootless Podman with cgroup v1 only", () => {
    const caps = (rootless: boolean, cgroupVersion: 1 | 2) =>
      disabledCapabilities({ rootless, cgroupVersion }).map((d) => [d.capability, d.quirk]);
    expect(caps(false, 1)).toEqual([["liveLimits", "update-endpoint"]]);
    expect(caps(true, 2)).toEqual([["liveLimits", "update-endpoint"]]);
    expect(caps(true, 1)).toEqual([
      ["liveLimits", "update-endpoint"],
      ["pause", "pause-rootless-v1"],
      ["memoryStats", "memory-rootless-v1"],
    ]);
  });
});
