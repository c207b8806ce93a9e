import { mkdirSync } from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "../engines";

/** A page of a new context in one language, signed in through the API (as the admin by default). */
export async function signedIn(
  browser: Browser,
  locale: "en-US" | "zh-CN",
  as: { username: string; password: string } = { username: "admin", password: E2E_ADMIN_PASSWORD },
): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const res = await page.request.post("/api/v1/auth/login", {
    headers: { "x-wharf-csrf": "1" },
    data: as,
  });
  expect(res.status()).toBe(200);
  return page;
}

/** The page as it is, in the dark theme and the light one. */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.WHARF_SHOTS_DIR ?? "test-results/shots";
  mkdirSync(dir, { recursive: true });
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `${dir}/${name}-${theme}.png` });
  }
}
