import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Page } from "@playwright/test";
import { launchChromium } from "./chromium";
import { ENGINES_DIR, HOSTS_FILE, ROOT } from "./paths";

const HEAP_LIMIT_MB = 300;
const RATE = 5000;
const MB = 1024 * 1024;

/** The full server with its Next pages, as `npm start` runs it; resolves with its port. */
function startApp(password: string, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/index.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      WHARF_PORT: "0",
      WHARF_BIND: "127.0.0.1",
      WHARF_DATA_DIR: dataDir,
      WHARF_HOSTS: HOSTS_FILE,
      WHARF_ADMIN_PASSWORD: password,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("server/index.ts not listening within 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`server/index.ts exited early (${code})`)));
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ child, port: Number(m[1]) });
    });
  });
}

const dockerLocal = (...args: string[]) =>
  execFileSync("docker", ["-H", `unix://${path.join(ENGINES_DIR, "local", "docker.sock")}`, ...args], {
    encoding: "utf8",
  }).trim();

/**
 * 5,000 numbered, coloured lines a second: ten bursts of 500, then a wait for the next second, so
 * the rate holds however long the bursts themselves take.
 */
const FLOOD = [
  "E=$(printf '\\033'); i=1",
  "while :; do s=$(date +%s)",
  `for k in 0 1 2 3 4 5 6 7 8 9; do seq $i $((i+499)) | sed "s/$/ \${E}[32mINFO\${E}[0m request served in 12ms path=\\/api\\/v1\\/things status=200/"; i=$((i+500)); sleep 0.08; done`,
  'while [ "$(date +%s)" = "$s" ]; do sleep 0.02; done; done',
].join("; ");

async function probe(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((r) => {
        const t = performance.now();
        requestAnimationFrame(() => r(performance.now() - t));
      }),
  );
}

/**
 * A browser follows a container writing 5,000 lines a second for `seconds`; the tab's JS heap is
 * sampled through the DevTools protocol, and at the end the page must still answer a click at once.
 */
export async function runBrowserBench(seconds: number, say: (l: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("no production build: run `npm run build` first");
  const password = crypto.randomBytes(18).toString("base64url");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-browser-"));
  const name = `bench-logs-flood-${process.pid}`;
  const app = await startApp(password, dataDir);
  const browser = await launchChromium();
  try {
    dockerLocal(
      "run",
      "-d",
      "--network",
      "none",
      "--label",
      "wharf.bench=1",
      "--name",
      name,
      "local/busybox:1.35",
      "sh",
      "-c",
      FLOOD,
    );
    const started = performance.now();
    const base = `http://127.0.0.1:${app.port}`;
    const page = await browser.newPage({ baseURL: base });
    const login = await page.request.post("/api/v1/auth/login", {
      data: { username: "admin", password },
      headers: { "x-wharf-csrf": "1" },
    });
    if (!login.ok()) throw new Error(`sign in: ${login.status()}`);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`/hosts/local/containers/${name}?tab=logs`);
    await page.getByTestId("log-line").first().waitFor({ timeout: 30_000 });
    say(`browser: following ${name} at ~${RATE} lines/s for ${seconds} s`);

    let peak = 0;
    const t0 = performance.now();
    for (let s = 5; s <= seconds; s += 5) {
      await page.waitForTimeout(Math.max(0, t0 + s * 1000 - performance.now()));
      const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      peak = Math.max(peak, heap.usedSize);
      const status = await page.getByTestId("log-status").innerText();
      say(
        `  ${String(s).padStart(3)} s: heap ${(heap.usedSize / MB).toFixed(1)} MB, frame ${(await probe(page)).toFixed(0)} ms, ${status.split("\n").slice(0, -1).join(", ")}`,
      );
    }
    const written = Number(dockerLocal("logs", "--tail", "1", name).split(" ")[0]);
    const rate = written / ((performance.now() - started) / 1000);
    const c0 = performance.now();
    await page.getByTestId("log-follow").click();
    await page.locator('[data-testid="log-list"][data-follow="false"]').waitFor({ timeout: 5000 });
    const clickMs = performance.now() - c0;
    await cdp.send("HeapProfiler.collectGarbage");
    const after = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    say("");
    say(
      `browser heap: peak ${(peak / MB).toFixed(1)} MB, ${(after.usedSize / MB).toFixed(1)} MB after GC (limit ${HEAP_LIMIT_MB} MB): ${peak <= HEAP_LIMIT_MB * MB ? "ok" : "OVER"}`,
    );
    say(
      `      the container wrote ${written.toLocaleString("en")} lines (${Math.round(rate).toLocaleString("en")} lines/s); Pause answered its click in ${clickMs.toFixed(0)} ms`,
    );
    if (peak > HEAP_LIMIT_MB * MB) throw new Error(`heap peaked at ${(peak / MB).toFixed(1)} MB`);
  } finally {
    await browser.close();
    try {
      dockerLocal("rm", "-f", name);
    } catch {
      // Not started, or already gone.
    }
    app.child.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
