import type { Browser, BrowserContext, Page } from "@playwright/test";

export const ROW = '[data-testid^="row-"]';

/**
 * Stamps, in page time (ms from the start of the navigation), the first animation frame after the
 * first container row entered the DOM: what a person sees as "the list is there".
 */
const FIRST_ROW_PROBE = `(() => {
  const seen = () => {
    if (window.__wharfFirstRow !== undefined || !document.querySelector(${JSON.stringify(ROW)})) return;
    window.__wharfFirstRow = -1;
    obs.disconnect();
    requestAnimationFrame(() => (window.__wharfFirstRow = performance.now()));
  };
  const obs = new MutationObserver(seen);
  obs.observe(document, { childList: true, subtree: true });
})();`;

export async function signedInContext(
  browser: Browser,
  base: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: "en-US" });
  const [name, ...rest] = cookie.split("=");
  await context.addCookies([{ name: name ?? "", value: rest.join("="), url: base }]);
  await context.addInitScript(FIRST_ROW_PROBE);
  return context;
}

/** Navigates and resolves with the page-time of the first row on screen. */
export async function openList(page: Page, path: string, timeoutMs = 120_000): Promise<number> {
  await page.goto(path, { waitUntil: "commit", timeout: timeoutMs });
  try {
    const handle = await page.waitForFunction(
      () => {
        const v = (window as unknown as { __wharfFirstRow?: number }).__wharfFirstRow;
        return v !== undefined && v > 0 ? v : undefined;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    return (await handle.jsonValue()) as number;
  } catch (err) {
    const shown = await page
      .locator("main")
      .innerText({ timeout: 5000 })
      .catch(() => "");
    throw new Error(
      `${path}: no container row within ${timeoutMs} ms (at ${page.url()}; the page shows: ${shown.replace(/\s+/g, " ").slice(0, 200)})`,
      { cause: err },
    );
  }
}

/**
 * Sets the list's search box to `term` in one input event (as a paste, or the last key of a word)
 * and counts, in the page, until the first frame whose rows are the filtered ones: at least one row
 * and every row matching, or for an empty term more than `atLeast` rows. Plain source text, so the
 * bench's own transpiler adds nothing the page lacks.
 */
const FILTER_IN_PAGE = `(term, atLeast, row) => new Promise((resolve, reject) => {
  const input = document.querySelector('[role="search"] input');
  const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
  if (!input || !value || !value.set) return reject(new Error("no search box on the page"));
  const want = term.toLowerCase();
  const done = (rows) =>
    want === ""
      ? rows.length > atLeast
      : rows.length > 0 && [...rows].every((r) => (r.getAttribute("data-testid") || "").toLowerCase().includes(want));
  const t0 = performance.now();
  value.set.call(input, term);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const tick = () => {
    const rows = document.querySelectorAll(row);
    if (done(rows)) return resolve({ ms: performance.now() - t0, rows: rows.length });
    if (performance.now() - t0 > 60000) return reject(new Error("the rows never matched " + JSON.stringify(term)));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

const filterInPage = (page: Page, term: string, atLeast: number) =>
  page.evaluate<{ ms: number; rows: number }>(
    `(${FILTER_IN_PAGE})(${JSON.stringify(term)}, ${atLeast}, ${JSON.stringify(ROW)})`,
  );

/** Typing a filter to the updated rows: ms, and how many rows it left. */
export const timeFilter = (page: Page, term: string) => filterInPage(page, term, 0);

/** Emptying the filter until more than `atLeast` rows show again; ms. */
export const clearFilter = async (page: Page, atLeast: number) => (await filterInPage(page, "", atLeast)).ms;

/** `tr` elements of the container table (header included), and container rows anywhere on the page. */
export function domRows(page: Page): Promise<{ tr: number; rows: number }> {
  return page.evaluate((row) => {
    const table = document.querySelector('[data-testid="container-table"]');
    return {
      tr: table ? table.querySelectorAll("tr").length : 0,
      rows: document.querySelectorAll(row).length,
    };
  }, ROW);
}

/** The tab's JS heap in use, as is and after a forced garbage collection. */
export async function heapUsage(page: Page): Promise<{ used: number; afterGc: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const used = ((await cdp.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize;
    await cdp.send("HeapProfiler.collectGarbage");
    const afterGc = ((await cdp.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize;
    return { used, afterGc };
  } finally {
    await cdp.detach();
  }
}
