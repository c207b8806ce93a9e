import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { HttpTarget } from "./http-get";
import { ROOT } from "./paths";
import { startScript, type ScriptChild } from "./start-script";
import { assertHostsUp } from "./wharf-client";

const BUNDLE = path.join(ROOT, "dist", "server", "index.js");

function newestTs(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/**
 * The production build must exist (`npm run build`: it is long and shared, so the bench never runs
 * it); the server bundle is re-made when server/ or lib/ changed after it, as the end-to-end tests do.
 */
export function ensureBuiltServer(say: (line: string) => void): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("no production build (.next is missing): run `npm run -s build` first");
  const sources = Math.max(newestTs(path.join(ROOT, "server")), newestTs(path.join(ROOT, "lib")));
  if (fs.existsSync(BUNDLE) && fs.statSync(BUNDLE).mtimeMs >= sources) return;
  say("build: npm run build:server (the server bundle is older than server/ or lib/)");
  const r = spawnSync("npm", ["run", "-s", "build:server"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run build:server failed (exit ${r.status ?? r.signal})`);
}

/**
 * `npm start` as package.json says it, with the given hosts file and no local engine of the machine;
 * in another checkout's build when `root` names one (to compare two builds side by side).
 */
export function startBuiltServer(opts: {
  hostsFile: string;
  password: string;
  dataDir: string;
  root?: string;
}): Promise<ScriptChild> {
  const pkg = JSON.parse(fs.readFileSync(path.join(opts.root ?? ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const command = pkg.scripts.start;
  if (!command) throw new Error("package.json has no start script");
  return startScript({
    command,
    env: {
      WHARF_PORT: "0",
      WHARF_BIND: "127.0.0.1",
      WHARF_DATA_DIR: opts.dataDir,
      WHARF_HOSTS: opts.hostsFile,
      WHARF_ADMIN_PASSWORD: opts.password,
      // Only the fleet: a socket that does not exist keeps the machine's own engine out.
      DOCKER_HOST: `unix://${path.join(opts.dataDir, "no-engine.sock")}`,
    },
    readyTimeoutMs: 120_000,
    ...(opts.root ? { cwd: opts.root } : {}),
  });
}

/** Polls until Wharf reports every one of `ids` up. */
export async function waitHostsUp(
  wharf: HttpTarget,
  ids: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      await assertHostsUp(wharf, ids);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
