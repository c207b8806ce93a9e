/**
 * `npm run bench`: the JavaScript a first load of /containers fetches, from the production build
 * (`npm run build` first), against /login as the baseline from the same run.
 *
 * Two views of the same load: the `<script src>` tags in the HTML the server answers (signed in),
 * and every script headless Chromium fetches up to network idle (lazy chunks included). Each file is
 * gzipped at level 9 and summed.
 *
 * Env: BENCH_FIRST_LOAD_KB (target for /containers in the browser, gzipped KiB, 250),
 * BENCH_VERBOSE=1 (list every script of /containers).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Page } from "@playwright/test";
import { launchChromium } from "./lib/chromium";
import { startAppChild, type AppChild } from "./lib/app-child";
import { browserScripts, htmlScripts, type LoadFigures } from "./lib/first-load";
import { HOSTS_FILE, ROOT } from "./lib/paths";
import { kib, ratio, table } from "./lib/stats";

const PAGE = "/containers";
const BASELINE = "/login";
const SOURCES = ["app", "components", "lib"];

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

function targetKib(): number {
  const raw = process.env.BENCH_FIRST_LOAD_KB;
  const n = raw ? Number(raw) : 250;
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`BENCH_FIRST_LOAD_KB: expected a positive number, got "${raw}"`);
  return n;
}

/** The newest source file under dirs, to tell a build older than the code it should measure. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(tsx?|css)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function checkBuild(): void {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) throw new Error("no production build: run `npm run build` first");
  const built = fs.statSync(id).mtimeMs;
  const newest = Math.max(...SOURCES.map((d) => newestMtime(path.join(ROOT, d))));
  if (newest > built)
    say(
      "warning: app/, components/ or lib/ changed after the last `npm run build`; the figures are the old build's",
    );
}

async function signIn(base: string, password: string): Promise<string> {
  const res = await fetch(new URL("/api/v1/auth/login", base), {
    method: "POST",
    headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
    body: JSON.stringify({ username: "admin", password }),
  });
  if (res.status !== 200) throw new Error(`sign in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error("sign in: no session cookie in the answer");
  return cookie;
}

/** The list has answered: the counts are up and the loading state is gone (the engines may hold no containers). */
async function listShown(page: Page): Promise<void> {
  await page.getByTestId("counts").waitFor({ timeout: 15_000 });
  await page.getByTestId("state-loading").waitFor({ state: "detached", timeout: 15_000 });
}

interface Row {
  page: string;
  view: string;
  f: LoadFigures;
  base: LoadFigures;
}

function report(rows: Row[]): string {
  const header = ["page", "view", "scripts", "raw", "gzip", "baseline gzip", "gzip ratio", "raw ratio"];
  return table(
    header,
    rows.map((r) => [
      r.page,
      r.view,
      String(r.f.scripts.length),
      kib(r.f.raw),
      kib(r.f.gzip),
      kib(r.base.gzip),
      ratio(r.f.gzip / r.base.gzip),
      ratio(r.f.raw / r.base.raw),
    ]),
  );
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  checkBuild();
  const target = targetKib();
  say(`bench first-load: JavaScript fetched by a first load of ${PAGE}, baseline ${BASELINE}; gzip level 9`);

  const password = crypto.randomBytes(18).toString("base64url");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-first-load-"));
  let app: AppChild | undefined;
  const stop = () => void app?.stop();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const browser = await launchChromium();
  let code = 0;
  try {
    app = await startAppChild({ password, dataDir });
    const base = `http://127.0.0.1:${app.port}`;
    const cookie = await signIn(base, password);
    say(
      `wharf: server/index.ts (production build) pid ${app.pid} on 127.0.0.1:${app.port}, signed in (${secs(t0)})`,
    );

    const htmlBase = await htmlScripts(base, BASELINE);
    const html = await htmlScripts(base, PAGE, cookie);
    const browserBase = await browserScripts(browser, base, BASELINE);
    const inBrowser = await browserScripts(browser, base, PAGE, { cookie, ready: listShown });
    say("");
    say(
      report([
        { page: BASELINE, view: "html", f: htmlBase, base: htmlBase },
        { page: PAGE, view: "html", f: html, base: htmlBase },
        { page: BASELINE, view: "browser", f: browserBase, base: browserBase },
        { page: PAGE, view: "browser", f: inBrowser, base: browserBase },
      ]),
    );
    if (process.env.BENCH_VERBOSE === "1") {
      say("");
      say(
        table(
          ["script (browser, " + PAGE + ")", "raw", "gzip"],
          inBrowser.scripts.map((s) => [s.url, kib(s.raw), kib(s.gzip)]),
        ),
      );
    }
    say("");
    const ok = inBrowser.gzip <= target * 1024;
    say(
      `first-load: ${PAGE} ${kib(inBrowser.gzip)} gzipped (${kib(inBrowser.raw)} raw, ${inBrowser.scripts.length} scripts) in the browser; target ≤ ${target} KiB: ${ok ? "ok" : "OVER"}`,
    );
    say(
      `            ${ratio(inBrowser.gzip / browserBase.gzip)} of ${BASELINE}; the HTML alone names ${html.scripts.length} scripts, ${kib(html.gzip)} gzipped`,
    );
    if (!ok) code = 1;
  } catch (err) {
    code = 1;
    process.stderr.write(
      `bench first-load: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  } finally {
    await browser.close();
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench first-load: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
