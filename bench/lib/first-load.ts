import { gzipSync } from "node:zlib";
import type { Browser, Page } from "@playwright/test";

export interface ScriptFile {
  url: string;
  raw: number;
  gzip: number;
}

export interface LoadFigures {
  scripts: ScriptFile[];
  raw: number;
  gzip: number;
}

/** Sizes as a browser would weigh them: bytes as served, and gzipped at level 9 like a CDN would. */
function weigh(url: string, body: Buffer): ScriptFile {
  return { url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

function total(scripts: ScriptFile[]): LoadFigures {
  const sorted = [...scripts].sort((a, b) => b.gzip - a.gzip);
  return {
    scripts: sorted,
    raw: sorted.reduce((n, s) => n + s.raw, 0),
    gzip: sorted.reduce((n, s) => n + s.gzip, 0),
  };
}

async function get(base: string, path: string, cookie: string | undefined): Promise<Buffer> {
  const res = await fetch(new URL(path, base), { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} (signed in: ${cookie ? "yes" : "no"})`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Every distinct `<script src>` in the HTML the page serves, each fetched and weighed. `noModule`
 * scripts (the legacy polyfills) are left out: a browser that runs modules never fetches them.
 */
export async function htmlScripts(base: string, path: string, cookie?: string): Promise<LoadFigures> {
  const html = (await get(base, path, cookie)).toString("utf8");
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src && !/\bnomodule\b/i.test(attrs)) srcs.add(src.replace(/&amp;/g, "&"));
  }
  const scripts = await Promise.all([...srcs].map(async (src) => weigh(src, await get(base, src, cookie))));
  return total(scripts);
}

/**
 * Every script a fresh tab fetches while it loads `path`, up to network idle and a quiet second after
 * it (what next/dynamic and lazy chunks fetch once hydrated counts too). The socket.io websocket is
 * not a request, so it does not hold network idle off.
 */
export async function browserScripts(
  browser: Browser,
  base: string,
  path: string,
  opts: { cookie?: string; ready?: (page: Page) => Promise<void> } = {},
): Promise<LoadFigures> {
  const context = await browser.newContext({ baseURL: base });
  try {
    if (opts.cookie) {
      const [name, ...rest] = opts.cookie.split("=");
      await context.addCookies([{ name: name ?? "", value: rest.join("="), url: base }]);
    }
    const page = await context.newPage();
    const pending: Promise<ScriptFile | undefined>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      pending.push(
        res.body().then(
          (b) => weigh(new URL(res.url()).pathname, b),
          () => undefined,
        ),
      );
    });
    const res = await page.goto(path, { waitUntil: "networkidle" });
    if (!res || new URL(page.url()).pathname !== path)
      throw new Error(`browser: ${path} ended at ${page.url()} (${res?.status() ?? "no response"})`);
    await opts.ready?.(page);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000);
    const seen = new Map<string, ScriptFile>();
    for (const s of await Promise.all(pending)) if (s) seen.set(s.url, s);
    return total([...seen.values()]);
  } finally {
    await context.close();
  }
}
