import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";

/** Every page of the app, as an admin reaches it; ids come from the fixtures the global setup starts. */
function pages(): string[] {
  const image = docker("local", "image", "inspect", "-f", "{{.Id}}", "local/idle:1");
  return [
    "/containers",
    "/hosts/local",
    "/hosts/local/containers/e2e-ticker",
    "/hosts/local/create",
    "/images",
    "/hosts/local/images",
    `/hosts/local/images/${encodeURIComponent(image)}`,
    "/volumes",
    "/hosts/local/volumes",
    "/networks",
    "/hosts/local/networks",
    "/quotas",
    "/hosts/local/quotas",
    "/logs",
    "/hosts/local/system",
    "/registries",
    "/account",
    "/admin/users",
    "/admin/tokens",
    "/admin/sessions",
    "/admin/audit",
    "/admin/hosts",
    "/admin/registries",
  ];
}

/** A browser whose languages are `locale`, signed in as the admin through the API. */
async function signedIn(browser: Browser, locale: "en-US" | "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const res = await page.request.post("/api/v1/auth/login", {
    headers: { "x-wharf-csrf": "1" },
    data: { username: "admin", password: E2E_ADMIN_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return page;
}

/** Console reports of a missing or broken message (see components/providers/Providers). */
function intlReports(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("[i18n]")) seen.push(`${page.url()}: ${m.text()}`);
  });
  return seen;
}

for (const locale of ["en-US", "zh-CN"] as const) {
  test(`every page renders in ${locale} with no missing message`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await signedIn(browser, locale);
    const reports = intlReports(page);
    for (const path of pages()) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh-CN" ? "zh-CN" : "en");
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      // Let the page's own queries answer, so states rendered after data arrive are seen too.
      await page.waitForLoadState("networkidle");
    }
    expect(reports).toEqual([]);
    await page.context().close();
  });
}

test("the sign-in page follows the browser's languages", async ({ browser }) => {
  for (const [locale, title] of [
    ["zh-CN", "登录 Wharf"],
    ["en-US", "Sign in to Wharf"],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await context.close();
  }
});
