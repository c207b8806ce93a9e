/**
 * A focused look at the way to a container list's first row, for working on it between full
 * `npm run bench -- scale` runs (which stay the figure of record):
 *
 *   npx tsx bench/lib/first-row-trace.ts DIR [PATH …]
 *
 * DIR holds a fleet: when it has no fleet.json yet, `scripts/fleet-engines.sh start DIR N` runs and
 * the containers are made as bench/scale makes them; the engines are left running so the next call
 * reuses them (`FIRST_ROW_STOP=1` stops them at the end, or `bash scripts/fleet-engines.sh stop DIR`).
 * Each call starts the built server (`npm run build` first), warms it up with one visit of each
 * path, then prints for every fresh visit: the first row, the navigation's own marks, every script,
 * style and API request (start → end, in page time), long tasks, and the server's answer to the
 * merged list. `FIRST_ROW_TRACE=FILE` also saves a Chromium trace of the last visit.
 *
 * Env: BENCH_SCALE_HOSTS (20), BENCH_SCALE_PER_HOST (250), FIRST_ROW_RUNS (3), FIRST_ROW_STOP,
 * FIRST_ROW_VERBOSE (1 lists every request), FIRST_ROW_AB (another checkout whose build is visited in
 * turn with this one, each behind its own server),
 * FIRST_ROW_TRACE, FIRST_ROW_CPU (a slowdown factor for the page's CPU, 1), FIRST_ROW_WARM (0 skips the
 * warm-up visits).
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, Page } from "@playwright/test";
import { ensureBuiltServer, startBuiltServer, waitHostsUp } from "./built-server";
import { launchChromium } from "./chromium";
import { openFleet } from "./fleet";
import { createFleetContainers, rawList } from "./fleet-fixtures";
import { httpRequest } from "./http-get";
import { ROOT } from "./paths";
import { openList, signedInContext } from "./scale-browser";
import { waitMerged } from "./scale-lists";
import { signIn } from "./wharf-client";

const say = (line: string) => process.stdout.write(`${line}\n`);
const num = (name: string, fallback: number) => Number(process.env[name] || fallback);

/** Long tasks and paints, kept in the page from its first script on. */
const TIMELINE_PROBE = `(() => {
  window.__wharfLong = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__wharfLong.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
})();`;

interface Timeline {
  nav: Record<string, number>;
  resources: {
    name: string;
    type: string;
    start: number;
    requestStart: number;
    responseStart: number;
    end: number;
    size: number;
  }[];
  long: [number, number][];
  paints: Record<string, number>;
}

/** Plain source text: the bench's own types know Node's performance, not the browser's. */
const TIMELINE_READ = `(() => {
  const r = Math.round;
  const n = performance.getEntriesByType("navigation")[0];
  return {
    nav: {
      requestStart: r(n.requestStart),
      responseStart: r(n.responseStart),
      responseEnd: r(n.responseEnd),
      domInteractive: r(n.domInteractive),
      domContentLoaded: r(n.domContentLoadedEventEnd),
      load: r(n.loadEventEnd),
      htmlBytes: n.transferSize,
    },
    resources: performance.getEntriesByType("resource").map((e) => ({
      name: e.name.replace(location.origin, ""),
      type: e.initiatorType,
      start: r(e.startTime),
      requestStart: r(e.requestStart),
      responseStart: r(e.responseStart),
      end: r(e.responseEnd),
      size: e.encodedBodySize,
    })),
    long: window.__wharfLong,
    paints: Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, r(p.startTime)])),
  };
})()`;

const readTimeline = (page: Page) => page.evaluate<Timeline>(TIMELINE_READ);

async function visit(browser: Browser, base: string, cookie: string, p: string, trace?: string) {
  const context = await signedInContext(browser, base, cookie);
  await context.addInitScript(TIMELINE_PROBE);
  try {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning")
        say(`    console ${m.type()}: ${m.text().slice(0, 300)}`);
    });
    page.on("pageerror", (e) => say(`    page error: ${e.message.slice(0, 300)}`));
    const cpu = num("FIRST_ROW_CPU", 1);
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
    const firstRow = await openList(page, p);
    if (trace) await browser.stopTracing();
    await page.waitForTimeout(500);
    return { firstRow, t: await readTimeline(page) };
  } finally {
    await context.close();
  }
}

function printVisit(label: string, i: number, v: Awaited<ReturnType<typeof visit>>, verbose: boolean) {
  const { nav } = v.t;
  const list = v.t.resources.find((r) => /\/api\/v1\/(hosts\/[^/]+\/)?containers$/.test(r.name));
  const long = v.t.long.filter(([s]) => s < v.firstRow + 200);
  say(
    `${label} #${i}: first row ${v.firstRow.toFixed(0)} ms · html ${nav.responseStart}→${nav.responseEnd} · DCL ${nav.domContentLoaded} · list ${list ? `${list.start}→${list.end}` : "?"} · long tasks ${long.map(([s, d]) => `${s}+${d}`).join(", ") || "none"} (sum ${long.reduce((a, [, d]) => a + d, 0)} ms)`,
  );
  if (!verbose) return;
  for (const r of v.t.resources.filter((x) => x.start < v.firstRow + 200))
    say(
      `    ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)} (queued ${r.requestStart - r.start}, server ${r.responseStart - r.requestStart}) ${r.type.padEnd(8)} ${(r.size / 1024).toFixed(1).padStart(7)} KiB  ${r.name.slice(0, 110)}`,
    );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function ensureFleet(dir: string, hosts: number, perHost: number) {
  if (!fs.existsSync(path.join(dir, "fleet.json"))) {
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync(
      "bash",
      [path.join(ROOT, "scripts", "fleet-engines.sh"), "start", dir, String(hosts)],
      {
        stdio: "inherit",
      },
    );
    if (r.status !== 0) throw new Error("fleet-engines.sh start failed");
  }
  const fleet = openFleet(dir);
  const have = await Promise.all(fleet.engines.map((e) => rawList(e.admin).then((l) => l.length)));
  if (have.some((n) => n < perHost)) {
    if (have.some((n) => n > 0))
      throw new Error(`${dir}: engines hold ${have.join("/")} containers; stop it and start again`);
    const fx = await createFleetContainers(fleet.engines, perHost, 16, say);
    say(`fixtures: created ${fx.created}, started ${fx.started}`);
  }
  return fleet;
}

interface Side {
  label: string;
  base: string;
  cookie: string;
  stop: () => Promise<void>;
}

async function startSide(
  label: string,
  root: string | undefined,
  hostsFile: string,
  total: number,
  hostIds: string[],
) {
  const password = crypto.randomBytes(18).toString("base64url");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-first-row-"));
  const server = await startBuiltServer({ hostsFile, password, dataDir, ...(root ? { root } : {}) });
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const wharf = await signIn(server.port, password);
    const cookie = (wharf.base.headers as Record<string, string>).cookie as string;
    // On a loaded machine an SSH host may keep failing its pings: the figures go on without it.
    try {
      await waitHostsUp(wharf, hostIds, 120_000);
      await waitMerged(wharf, total, new AbortController().signal);
    } catch (err) {
      say(`${label}: going on without every host: ${err instanceof Error ? err.message : String(err)}`);
    }
    // The first minute after boot inspects every container that ever ran: wait until the merged list
    // answers quickly five times in a row, as it does by the time bench/scale opens its pages.
    for (let quick = 0, t = performance.now(); quick < 5 && performance.now() - t < 180_000;) {
      const t1 = performance.now();
      await httpRequest(wharf, "GET", "/api/v1/containers");
      quick = performance.now() - t1 < 150 ? quick + 1 : 0;
      await new Promise((r) => setTimeout(r, 500));
    }
    const t0 = performance.now();
    const merged = await httpRequest(wharf, "GET", "/api/v1/containers");
    say(
      `${label}: merged list ${(performance.now() - t0).toFixed(1)} ms, ${(merged.body.length / 1024).toFixed(0)} KiB`,
    );
    wharf.agent.destroy();
    const side: Side = { label, base: `http://127.0.0.1:${server.port}`, cookie, stop };
    return side;
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main() {
  const [dir, ...paths] = process.argv.slice(2);
  if (!dir) throw new Error("usage: npx tsx bench/lib/first-row-trace.ts DIR [PATH …]");
  const hosts = num("BENCH_SCALE_HOSTS", 20);
  const perHost = num("BENCH_SCALE_PER_HOST", 250);
  const runs = num("FIRST_ROW_RUNS", 3);
  const verbose = process.env.FIRST_ROW_VERBOSE === "1";
  const other = process.env.FIRST_ROW_AB;
  ensureBuiltServer(say);
  const fleet = await ensureFleet(dir, hosts, perHost);
  const pages = paths.length ? paths : [`/hosts/${fleet.engines[0]?.id}`, "/containers"];
  const ids = fleet.engines.map((e) => e.id);
  const sides: Side[] = [];
  let browser: Browser | undefined;
  try {
    sides.push(await startSide("this", undefined, fleet.hostsFile, ids.length * perHost, ids));
    if (other) sides.push(await startSide("other", other, fleet.hostsFile, ids.length * perHost, ids));
    browser = await launchChromium();
    // One visit of each page first (FIRST_ROW_WARM=0 skips it, to see a fresh server's first pages).
    if (process.env.FIRST_ROW_WARM !== "0")
      for (const p of pages) for (const s of sides) await visit(browser, s.base, s.cookie, p);
    for (const p of pages) {
      const firsts = new Map<string, number[]>(sides.map((s) => [s.label, []]));
      for (let i = 1; i <= runs; i++) {
        // Alternate which side goes first, so a slow moment of the machine hits both alike.
        for (const s of i % 2 ? sides : [...sides].reverse()) {
          const trace =
            i === runs && process.env.FIRST_ROW_TRACE
              ? `${process.env.FIRST_ROW_TRACE}-${s.label}${p.replace(/\W+/g, "-")}.json`
              : undefined;
          const v = await visit(browser, s.base, s.cookie, p, trace);
          firsts.get(s.label)?.push(v.firstRow);
          printVisit(`${p} ${s.label}`, i, v, verbose);
        }
      }
      for (const [label, xs] of firsts)
        say(
          `${p} ${label}: median first row ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`,
        );
    }
  } finally {
    await browser?.close();
    for (const s of sides) await s.stop();
    if (process.env.FIRST_ROW_STOP === "1") await fleet.stop();
    else
      for (const e of fleet.engines) {
        e.admin.agent.destroy();
        e.wire.agent.destroy();
      }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `first-row-trace: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
