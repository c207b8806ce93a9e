import type { Browser, Page } from "@playwright/test";
import { clearFilter, domRows, heapUsage, openList, signedInContext, timeFilter } from "./scale-browser";
import { median } from "./stats";

export interface PageFigures {
  path: string;
  /** Navigation start to the first row on screen, one per fresh context (cold cache). */
  firstRow: number[];
  /** Typing a filter to the first frame showing only matching rows, every term of every run. */
  filter: number[];
  /** Emptying the filter to the full list again. */
  clear: number[];
  /** Rows shown by the filters (the terms match one container per host). */
  filterRows: number[];
  /** Median over the runs, read once the list had settled, before any filter. */
  tr: number;
  rows: number;
  heapUsed: number;
  heapAfterGc: number;
}

const settle = async (page: Page) => {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
};

/** `runs` fresh visits of a container list page, each measured the same way. */
export async function measurePage(
  browser: Browser,
  base: string,
  cookie: string,
  path: string,
  terms: readonly string[],
  runs: number,
  say: (line: string) => void,
): Promise<PageFigures> {
  const f: PageFigures = {
    path,
    firstRow: [],
    filter: [],
    clear: [],
    filterRows: [],
    tr: 0,
    rows: 0,
    heapUsed: 0,
    heapAfterGc: 0,
  };
  const dom: { tr: number; rows: number; used: number; afterGc: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await signedInContext(browser, base, cookie);
    try {
      const page = await context.newPage();
      f.firstRow.push(await openList(page, path));
      await settle(page);
      const d = await domRows(page);
      const h = await heapUsage(page);
      dom.push({ ...d, ...h });
      for (const term of terms) {
        const r = await timeFilter(page, term);
        f.filter.push(r.ms);
        f.filterRows.push(r.rows);
        f.clear.push(await clearFilter(page, r.rows));
      }
      say(
        `  ${path} run ${i + 1}: first row ${f.firstRow.at(-1)?.toFixed(0)} ms, ${d.tr} tr, heap ${(h.used / 2 ** 20).toFixed(1)} MB, filters ${f.filter
          .slice(-terms.length)
          .map((v) => v.toFixed(0))
          .join("/")} ms`,
      );
    } finally {
      await context.close();
    }
  }
  f.tr = median(dom.map((d) => d.tr));
  f.rows = median(dom.map((d) => d.rows));
  f.heapUsed = median(dom.map((d) => d.used));
  f.heapAfterGc = median(dom.map((d) => d.afterGc));
  return f;
}
