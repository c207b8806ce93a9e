import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { podmanDoc } from "./doc";

describe("docs/podman.md", () => {
  it("is what the quirk table generates (run: npx tsx scripts/gen-podman-doc.ts)", () => {
    const file = path.join(__dirname, "../../../docs/podman.md");
    expect(fs.readFileSync(file, "utf8")).toBe(podmanDoc());
  });
});
