/**
 * Runs Wharf's server (API and realtime, no Next pages) in a process of its own, for benchmarks.
 *
 *   npx tsx bench/serve.ts [--port N] [--hosts FILE] [--exit-on-stdin-eof]
 *
 * The admin password comes from WHARF_ADMIN_PASSWORD (at least 8 characters). The data dir is a
 * fresh temp dir, removed on exit. Prints `READY <port>` once listening and once every host has
 * settled (up, or down after a few tries), and then only logs to stderr. With --exit-on-stdin-eof it
 * exits when its parent closes stdin, so a crashed benchmark never leaves it behind.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createWharf, type Wharf } from "../server/app";
import type { Config } from "../server/config";
import { parseHostsSetting } from "../server/engines/host-spec";
import { HOSTS_FILE } from "./lib/paths";

const SETTLE_TIMEOUT_MS = 20_000;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    hosts: { type: "string", default: HOSTS_FILE },
    "exit-on-stdin-eof": { type: "boolean", default: false },
  },
});

const log = (msg: string) => process.stderr.write(`[serve] ${msg}\n`);

async function waitHostsSettled(wharf: Wharf): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const hosts = wharf.ctx.hosts.list();
    if (hosts.every((h) => h.status === "up")) return;
    if (Date.now() > deadline) {
      const down = hosts.filter((h) => h.status !== "up");
      log(
        `not up after ${SETTLE_TIMEOUT_MS} ms: ${down.map((h) => `${h.id} (${h.status}: ${h.error ?? "-"})`).join(", ")}`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const password = process.env.WHARF_ADMIN_PASSWORD;
  if (!password || password.length < 8) throw new Error("set WHARF_ADMIN_PASSWORD (8+ characters)");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: invalid port "${values.port}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-"));
  const config: Config = {
    dev: false,
    port,
    bind: "127.0.0.1",
    dataDir,
    hosts: parseHostsSetting(values.hosts),
    adminPassword: password,
    secureCookies: "never",
    // The background collector's interval in seconds, as the server reads it; 0 turns it off.
    ...(process.env.WHARF_METRICS_INTERVAL
      ? { metricsIntervalMs: Number(process.env.WHARF_METRICS_INTERVAL) * 1000 }
      : {}),
  };

  let wharf: Wharf | undefined;
  let closing = false;
  const shutdown = (why: string) => {
    if (closing) return;
    closing = true;
    log(`${why}, shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void (wharf?.close() ?? Promise.resolve())
      .catch((e: unknown) => log(`close failed: ${String(e)}`))
      .finally(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  if (values["exit-on-stdin-eof"]) {
    process.stdin.on("end", () => shutdown("stdin closed"));
    process.stdin.on("error", () => shutdown("stdin error"));
    process.stdin.resume();
  }

  try {
    wharf = await createWharf(config);
    const actual = await wharf.listen();
    await waitHostsSettled(wharf);
    if (!closing) process.stdout.write(`READY ${actual}\n`);
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
