import { expect, type Locator, type Page, type Response } from "@playwright/test";
import type { HistoryRange } from "../../components/stats/history-source";

/** Long enough for the e2e server, which samples every 2 s, to write a 10 s bucket and be asked again. */
const FILL_MS = 60_000;

/** A section of stored charts on a host's or a stack's page: its ranges and its chart block. */
export class HistorySection {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  charts(): Locator {
    return this.root.getByTestId("history-charts");
  }

  /**
   * Picks a range and waits for the answer the charts draw from: the history request for CPU over
   * exactly that range, whose address `matches`.
   */
  async pick(range: HistoryRange, spanMs: number, matches: (url: URL) => boolean): Promise<URL> {
    const asked = this.page.waitForResponse(
      (r: Response) => {
        const url = new URL(r.url());
        const span = Number(url.searchParams.get("to")) - Number(url.searchParams.get("from"));
        return url.searchParams.get("metric") === "cpu" && span === spanMs && matches(url);
      },
      { timeout: 15_000 },
    );
    await this.root.getByTestId(`stats-range-${range}`).click();
    const res = await asked;
    expect(res.status(), await res.text()).toBe(200);
    return new URL(res.url());
  }

  /** Waits until the block draws stored points at `stepMs`, with the CPU chart's canvas on screen. */
  async expectDrawn(stepMs: number): Promise<void> {
    await expect(this.charts()).toBeVisible({ timeout: FILL_MS });
    await expect(this.charts()).toHaveAttribute("data-step", String(stepMs), { timeout: FILL_MS });
    await expect
      .poll(async () => Number(await this.charts().getAttribute("data-points")), { timeout: FILL_MS })
      .toBeGreaterThan(0);
    await expect(this.root.getByTestId("chart-history-CPU").locator("canvas").first()).toBeVisible();
  }

  /** How many containers' series the block sums (a service's, across recreates). */
  async seriesCount(): Promise<number> {
    return Number(await this.charts().getAttribute("data-series"));
  }
}
