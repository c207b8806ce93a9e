import { expect, test } from "@playwright/test";
import { shoot, signedIn } from "./pages/session";
import en from "../lib/i18n/messages/en/alerts.json" with { type: "json" };

const RULE = "e2e disk";

test.afterAll(async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  const rules = (await (await page.request.get("/api/v1/alerts/rules")).json()) as {
    items: { id: number; name: string }[];
  };
  for (const r of rules.items.filter((x) => x.name === RULE))
    await page.request.delete(`/api/v1/alerts/rules/${r.id}`, { headers: { "x-wharf-csrf": "1" } });
  await page.context().close();
});

test("each host card shows its disk, and a disk rule made in the form fires, said in both languages", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "en-US");
  await page.goto("/overview");
  for (const id of ["local", "edge", "secure"]) {
    const text = page.getByTestId(`overview-host-${id}`).getByTestId("overview-disk-text");
    // The first look measures: here by statfs, on the TCP and TLS hosts by a probe container.
    await expect(text).toHaveAttribute("data-state", "known", { timeout: 20_000 });
    await expect(text).toHaveText(/^\S+ \S+ \/ \S+ \S+ · [\d.]+ %$/);
    await expect(text).toHaveAttribute(
      "title",
      id === "local"
        ? /used of .* free; measured by Wharf on this machine$/
        : /measured by a probe container/,
    );
  }

  await page.goto("/alerts");
  await page.getByTestId("alerts-tab-rules").click();
  await page.getByTestId("rule-new").click();
  await page.getByTestId("rule-name").fill(RULE);
  await page.getByTestId("rule-kind").selectOption("disk");
  await expect(page.getByText(en.kindHelp.disk)).toBeVisible();
  await page.getByTestId("rule-percent").fill("1");
  await page.getByRole("dialog").getByLabel(en.rules.hosts, { exact: true }).fill("local");
  await page.getByRole("button", { name: en.rules.create }).click();
  await expect(page.getByTestId("rule-row").filter({ hasText: RULE })).toContainText("over 1 %");

  await page.getByTestId("alerts-tab-alerts").click();
  const row = page.getByTestId("alert-row").filter({ hasText: RULE });
  await expect(row).toContainText(/the engine's disk \(.+\) is [\d.]+ % full: .+ of .+/, { timeout: 30_000 });
  await page.goto("/overview");
  await expect(page.getByTestId("overview-alert").filter({ hasText: RULE })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shoot(page, "overview-disk");
  await page.context().close();

  const zh = await signedIn(browser, "zh-CN");
  await zh.goto("/alerts");
  await expect(zh.getByTestId("alert-row").filter({ hasText: RULE })).toContainText(
    /引擎的磁盘（.+）已用 [\d.]+%/,
  );
  await zh.goto("/overview");
  await expect(zh.getByTestId("overview-host-edge").getByTestId("overview-disk-text")).toHaveAttribute(
    "title",
    /由主机上的探测容器测量/,
    { timeout: 20_000 },
  );
  await zh.waitForLoadState("networkidle");
  await shoot(zh, "overview-disk-zh-CN");
  await zh.context().close();
});
