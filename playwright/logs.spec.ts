import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./engines";
import { LoginPage } from "./pages/LoginPage";

/** The log viewer's parts, by test id. */
const viewer = (page: Page) => ({
  lines: page.getByTestId("log-line"),
  hits: page.getByTestId("log-hit"),
  search: page.getByTestId("log-search"),
  matches: page.getByTestId("log-matches"),
  list: page.getByTestId("log-list"),
});

/**
 * The tick number of the newest line on screen (the last one, while following). Not the largest: the
 * ticker counts from 1 again after each restart, and other specs restart it.
 */
async function newestTick(page: Page): Promise<number> {
  const texts = await viewer(page)
    .lines.filter({ hasText: /tick \d+/ })
    .allTextContents();
  return Number(/tick (\d+)/.exec(texts.at(-1) ?? "")?.[1] ?? -1);
}

test("follow the ticker's logs live, search a number and see it highlighted", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await page.goto("/hosts/local/containers/e2e-ticker");
  await expect(page.getByTestId("container-name")).toHaveText("e2e-ticker");
  await page.getByRole("tab", { name: "logs" }).click();
  const v = viewer(page);

  // Lines arrive, and keep arriving while the view follows.
  await expect(v.lines.filter({ hasText: /tick \d+/ }).first()).toBeVisible();
  const first = await newestTick(page);
  await expect.poll(() => newestTick(page), { timeout: 5000 }).toBeGreaterThan(first);
  await expect(v.list).toHaveAttribute("data-follow", "true");
  // stderr lines are marked as such.
  await expect(v.lines.filter({ hasText: /tock \d+/ }).first()).toHaveAttribute("data-stream", "stderr", {
    timeout: 10_000,
  });

  // Search a number: `/` focuses the box; the hit is highlighted, and `n` jumps to it.
  const n = await newestTick(page);
  await page.keyboard.press("/");
  await expect(v.search).toBeFocused();
  await page.keyboard.type(`tick ${n}\\b`);
  // Earlier runs of the ticker (other specs restart it) may have reached the same number.
  await expect(v.matches).toHaveText(/^\d+ match(es)?$/);
  await expect(v.hits.filter({ hasText: `tick ${n}` }).last()).toBeVisible();
  await v.search.blur();
  await page.keyboard.press("n");
  await expect(page.locator('[data-current="true"]')).toHaveText(new RegExp(`tick ${n}$`));
  await expect(page.locator('[data-current="true"]').getByTestId("log-hit")).toHaveText(`tick ${n}`);
  // Jumping stops following; End follows again.
  await expect(v.list).toHaveAttribute("data-follow", "false");
  await page.keyboard.press("End");
  await expect(v.list).toHaveAttribute("data-follow", "true");

  // Filter mode shows only the matching lines.
  await v.search.fill("tock");
  await page.getByLabel("only matching").check();
  await expect(v.lines.first()).toContainText("tock");
  expect(await v.lines.filter({ hasNotText: "tock" }).count()).toBe(0);
});

test("the merged view tags each line with its container", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await page.goto("/logs?c=local/e2e-ticker");
  await expect(page.getByTestId("log-sources")).toContainText("e2e-ticker");
  const line = viewer(page)
    .lines.filter({ hasText: /tick \d+/ })
    .first();
  await expect(line).toBeVisible();
  await expect(line).toContainText("e2e-ticker");
});
