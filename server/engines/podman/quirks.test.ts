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

  it("disables pause and memory stats on rootless Podman with cgroup v1 only", () => {
    expect(disabledCapabilities({ rootless: false, cgroupVersion: 1 })).toEqual([]);
    expect(disabledCapabilities({ rootless: true, cgroupVersion: 2 })).toEqual([]);
    expect(
      disabledCapabilities({ rootless: true, cgroupVersion: 1 }).map((d) => [d.capability, d.quirk]),
    ).toEqual([
      ["pause", "pause-rootless-v1"],
      ["memoryStats", "memory-rootless-v1"],
    ]);
  });
});
