import { describe, expect, it } from "vitest";
import type { ImageLayer } from "@/lib/images/types";
import { barPercent, describeStep, layerRows } from "./layer-view";

const layer = (createdBy: string, size: number): ImageLayer => ({
  id: "<missing>",
  createdBy,
  created: 0,
  size,
  empty: size === 0,
  tags: [],
  comment: "",
});

describe("describeStep", () => {
  it("trims the classic builder's metadata prefix", () => {
    expect(describeStep('/bin/sh -c #(nop)  CMD ["/bin/sh"]')).toBe('CMD ["/bin/sh"]');
  });

  it("writes a shell step as RUN", () => {
    expect(describeStep("/bin/sh -c echo hi > /hi")).toBe("RUN echo hi > /hi");
  });

  it("drops BuildKit's trailing marker and keeps other text as is", () => {
    expect(describeStep("RUN /bin/sh -c make # buildkit")).toBe("RUN /bin/sh -c make");
    expect(describeStep("Imported from -")).toBe("Imported from -");
  });
});

describe("layerRows", () => {
  it("puts the oldest step first and collapses runs of metadata-only steps", () => {
    // The engine lists the newest step first.
    const history = [
      layer("/bin/sh -c #(nop)  CMD x", 0),
      layer("/bin/sh -c #(nop)  ENV b", 0),
      layer("/bin/sh -c #(nop)  ENV a", 0),
      layer("/bin/sh -c echo hi", 10),
      layer("/bin/sh -c #(nop)  LABEL x", 0),
      layer("Imported from -", 2_000_000),
    ];
    const rows = layerRows(history);
    expect(rows.map((r) => r.kind)).toEqual(["layer", "layer", "layer", "meta"]);
    expect(rows[0]).toMatchObject({ kind: "layer", step: 1 });
    expect(rows[1]).toMatchObject({
      kind: "layer",
      step: 2,
      layer: { createdBy: "/bin/sh -c #(nop)  LABEL x" },
    });
    const meta = rows[3];
    expect(meta?.kind === "meta" && meta.layers.map((l) => describeStep(l.createdBy))).toEqual([
      "ENV a",
      "ENV b",
      "CMD x",
    ]);
    expect(meta).toMatchObject({ firstStep: 4 });
  });

  it("returns nothing for an empty history", () => {
    expect(layerRows([])).toEqual([]);
  });
});

describe("barPercent", () => {
  const MiB = 1024 * 1024;

  it("keeps a tiny layer visible on the log scale", () => {
    expect(barPercent(4096, 400 * MiB, "log")).toBeGreaterThan(30);
    expect(barPercent(4096, 400 * MiB, "linear")).toBe(1);
  });

  it("fills the bar for the largest layer and leaves an empty layer bare", () => {
    expect(barPercent(400 * MiB, 400 * MiB, "log")).toBe(100);
    expect(barPercent(0, 400 * MiB, "log")).toBe(0);
  });
});
