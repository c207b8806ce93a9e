import { expect, test, type Page } from "@playwright/test";
import { catalog } from "./catalog";
import { docker } from "./engines";
import { ContainersPage } from "./pages/ContainersPage";
import { LoginPage } from "./pages/LoginPage";
import { shoot, signedIn } from "./pages/session";

const zh = catalog("zh-CN");

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

test("switching to Chinese in Account puts the main pages, the terminal and an engine error in Chinese", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A user of its own, so the shared admin of the other specs keeps English.
  const username = `e2e-zh-${Date.now().toString(36)}`;
  const admin = await signedIn(browser, "en-US");
  const made = await admin.request.post("/api/v1/users", {
    headers: { "x-wharf-csrf": "1" },
    data: { username, password: "zh-user-password", role: "admin" },
  });
  expect(made.status()).toBe(201);
  await admin.context().close();
  const broken = `e2e-zh-broken-${Date.now().toString(36)}`;
  docker("local", "create", "--network", "none", "--name", broken, "local/idle:1", "/no-such-binary");

  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  try {
    await new LoginPage(page).signIn(username, "zh-user-password");
    await page.goto("/account");
    await page.getByTestId("language-select").selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByTestId("account-link")).toHaveText(zh.shell.account);

    await page.goto("/containers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.containers.list.allTitle);
    await expect(
      page.getByRole("columnheader", { name: zh.containers.table.image, exact: true }),
    ).toBeVisible();

    await page.goto("/hosts/local/containers/e2e-ticker");
    await expect(page.getByRole("tab", { name: zh.containers.detail.tab.overview })).toBeVisible();
    await page.getByRole("tab", { name: zh.containers.detail.tab.terminal }).click();
    await expect(page.getByRole("button", { name: zh.terminal.tools.copy, exact: true })).toBeVisible();
    // The session's own status line, not only the toolbar, speaks Chinese.
    const connected = zh.terminal.status.connected.split("{command}")[0] ?? "";
    await expect(page.getByText(connected, { exact: false }).first()).toBeVisible();

    await page.goto("/hosts/local/quotas");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      zh.quotas.panel.titleHost.replace("{hostId}", "local"),
    );
    await expect(
      page.getByRole("columnheader", { name: zh.quotas.head.memory.label, exact: true }),
    ).toBeVisible();

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.admin.audit.title);
    await expect(page.getByRole("button", { name: zh.admin.audit.apply })).toBeVisible();

    // The engine refuses to restart a container whose command does not exist: the toast says so in
    // Chinese, and keeps the engine's own words beside it.
    const list = new ContainersPage(page);
    await list.openHost("local");
    await list.row(broken).getByTestId("restart").click();
    const toast = page.getByTestId("toast-error");
    await expect(toast).toContainText(zh.errors.code.ENGINE_ERROR);
    await expect(toast).toContainText(/no-such-binary/);
    await shoot(page, "containers-restart-error-zh-CN");

    // Signed out, the sign-in page follows this browser's languages again.
    await page.getByRole("button", { name: zh.shell.signOut }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Wharf");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  } finally {
    await context.close();
    docker("local", "rm", "-f", broken);
  }
});

test("screenshots of the main pages in Chinese, in both themes", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, "zh-CN");
  for (const [path, name] of [
    ["/containers", "containers"],
    ["/hosts/local/containers/e2e-ticker", "container-detail"],
    ["/images", "images"],
    ["/hosts/local/quotas", "quotas"],
    ["/hosts/local/system", "system"],
    ["/admin/audit", "audit"],
    ["/account", "account"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await shoot(page, `${name}-zh-CN`);
  }
  await page.context().close();
});
