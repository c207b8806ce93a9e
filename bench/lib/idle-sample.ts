import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expectStatus, httpRequest, type HttpTarget } from "./http-get";
import { HOSTS_FILE, ROOT } from "./paths";
import { treeRss, type ProcRss } from "./proc-rss";
import { startScript, type ScriptChild } from "./start-script";
import { assertHostsUp, signIn } from "./wharf-client";

export const HOST_IDS = ["local", "edge", "secure"] as const;
const HOSTS_UP_TIMEOUT_MS = 30_000;

export interface IdleSample {
  /** Right after boot, once every host is up and nothing has been asked for `idleMs`. */
  idle: ProcRss[];
  /** The same after the sign-in page and the container list page were rendered, and `idleMs` more. */
  afterPages: ProcRss[];
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });

async function waitHostsUp(wharf: HttpTarget, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + HOSTS_UP_TIMEOUT_MS;
  for (;;) {
    try {
      await assertHostsUp(wharf, HOST_IDS);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await sleep(200, signal);
  }
}

/**
 * Starts `command` against the three test engines with a fresh data dir, and reads the RSS of its
 * whole process tree once idle, then again after two pages were rendered.
 */
export async function sampleIdle(
  command: string,
  idleMs: number,
  signal: AbortSignal,
  setChild: (c: ScriptChild | undefined) => void,
): Promise<IdleSample> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-rss-"));
  const password = crypto.randomBytes(18).toString("base64url");
  let child: ScriptChild | undefined;
  try {
    child = await startScript({
      command,
      env: {
        WHARF_PORT: "0",
        WHARF_BIND: "127.0.0.1",
        WHARF_DATA_DIR: dataDir,
        WHARF_HOSTS: HOSTS_FILE,
        WHARF_ADMIN_PASSWORD: password,
      },
    });
    setChild(child);
    signal.throwIfAborted();
    const anon: HttpTarget = {
      transport: http,
      agent: new http.Agent({ keepAlive: false }),
      base: { host: "127.0.0.1", port: child.port },
    };
    expectStatus(await httpRequest(anon, "GET", "/api/v1/health"), [200], "GET /api/v1/health");
    const wharf = await signIn(child.port, password);
    try {
      await waitHostsUp(wharf, signal);
    } finally {
      wharf.agent.destroy();
    }

    await sleep(idleMs, signal);
    const idle = treeRss(child.pid, ROOT);

    const page = (t: HttpTarget, p: string) =>
      httpRequest({ ...t, agent: anon.agent }, "GET", p).then((r) => expectStatus(r, [200], `GET ${p}`));
    await page(anon, "/login");
    await page(wharf, "/containers");
    await sleep(idleMs, signal);
    const afterPages = treeRss(child.pid, ROOT);
    return { idle, afterPages };
  } catch (err) {
    const out = child?.output().trim();
    if (out && !signal.aborted) process.stderr.write(`bench: server output:\n${out}\n`);
    throw err;
  } finally {
    await child?.stop();
    setChild(undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
