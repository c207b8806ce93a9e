import path from "node:path";

/** The repository root, found from this file so the bench runs from any checkout. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ENGINES_DIR = process.env.WHARF_ENGINES_DIR ?? path.join(ROOT, ".engines");
export const HOSTS_FILE = process.env.WHARF_TEST_HOSTS_FILE ?? path.join(ENGINES_DIR, "hosts.json");
export const SERVE_SCRIPT = path.join(ROOT, "bench", "serve.ts");
