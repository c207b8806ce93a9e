import { describe, expect, it } from "vitest";
import type { EngineHistoryRow } from "../engines/images";
import { stepsFromConfig, stepsFromHistory } from "./steps";

const row = (createdBy: string, size: number): EngineHistoryRow => ({
  Id: "<missing>",
  Created: 1_700_000_000,
  CreatedBy: createdBy,
  Tags: null,
  Size: size,
  Comment: "",
});

describe("a layer's step", () => {
  it("skips the config's empty_layer entries", () => {
    const steps = stepsFromConfig(
      ["sha256:a", "sha256:b"],
      [
        { created_by: "ADD rootfs", created: "2024-01-01T00:00:00Z" },
        { created_by: "ENV A=1", empty_layer: true },
        { created_by: "RUN make" },
      ],
    );
    expect(steps).toEqual([
      { diffId: "sha256:a", createdBy: "ADD rootfs", created: Date.UTC(2024, 0, 1) },
      { diffId: "sha256:b", createdBy: "RUN make" },
    ]);
  });

  it("maps the engine's history rows when every layer has bytes", () => {
    const rows = [row("/bin/sh -c rm /big", 5), row("/bin/sh -c #(nop)  ENV A=1", 0), row("ADD rootfs", 9)];
    const r = stepsFromHistory(["sha256:a", "sha256:b"], rows, [9, 0]);
    expect(r.steps.map((s) => s.createdBy)).toEqual(["ADD rootfs", "/bin/sh -c rm /big"]);
    expect(r.exact).toBe(true);
  });

  it("puts a layer with no file bytes on a RUN row of size 0 rather than a metadata row, and says it guessed", () => {
    const rows = [row("/bin/sh -c rm /big", 0), row("/bin/sh -c #(nop)  LABEL a=b", 0), row("ADD rootfs", 9)];
    const r = stepsFromHistory(["sha256:a", "sha256:b"], rows, [9, 0]);
    expect(r.steps.map((s) => s.createdBy)).toEqual(["ADD rootfs", "/bin/sh -c rm /big"]);
    expect(r.exact).toBe(false);
  });

  it("leaves steps blank when the rows cannot fit the layers", () => {
    const r = stepsFromHistory(["sha256:a", "sha256:b"], [row("ADD rootfs", 9)], [9, 9]);
    expect(r.steps.map((s) => s.createdBy)).toEqual(["", ""]);
  });
});
