// Writes docs/podman.md from the Podman quirk table: `npx tsx scripts/gen-podman-doc.ts`.
// server/engines/podman/doc.test.ts fails while the file differs from what this writes.
import fs from "node:fs";
import path from "node:path";
import { podmanDoc } from "../server/engines/podman/doc";

const out = path.join(import.meta.dirname, "..", "docs", "podman.md");
fs.writeFileSync(out, podmanDoc());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
