import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { docker } from "./engines";
import { shoot, signedIn } from "./pages/session";
import en from "../lib/i18n/messages/en/alerts.json" with { type: "json" };

const CRASHER = "e2e-crashloop";

test.afterAll(() => {
  try {
    docker("local", "rm", "-f", CRASHER);
  } catch {
    // Not made when the test failed early.
  }
});

test("a target is added and tested, a rule created, and its alert fires and reaches the webhook", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const got: { body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ body });
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    const page = await signedIn(browser, "en-US");
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);

    // A webhook target, and its test notification.
    await page.getByTestId("alerts-tab-targets").click();
    await page.getByTestId("target-new").click();
    await page.getByTestId("target-name").fill("e2e hook");
    await page.getByTestId("target-url").fill(url);
    await page.getByRole("button", { name: en.targets.create }).click();
    const row = page.getByTestId("target-row").filter({ hasText: "e2e hook" });
    await expect(row).toBeVisible();
    await expect(row).toContainText("http://127.0.0.1:");
    await row.getByTestId("target-test").click();
    // "sent · <when>", not "never sent".
    await expect(row.getByTestId("target-last")).toHaveText(new RegExp(`^${en.deliveryStatus.sent} · `), {
      timeout: 15_000,
    });
    expect(JSON.parse(got[0]?.body ?? "{}")).toMatchObject({ event: "test" });

    // A rule: a restart loop of containers labelled for this test, told to the target.
    await page.getByTestId("alerts-tab-rules").click();
    await page.getByTestId("rule-new").click();
    await page.getByTestId("rule-name").fill("e2e crash loop");
    await page.getByTestId("rule-kind").selectOption("restart-loop");
    await page.getByTestId("rule-restarts").fill("2");
    await page.getByTestId("rule-minutes").fill("1");
    await page.getByLabel(en.rules.labelSelector).fill("e2e.alert=loop");
    await page.getByRole("checkbox", { name: /e2e hook/ }).check();
    // A bad cooldown is refused, the reason beside the field; the dialog keeps what was typed.
    await page.getByLabel(en.rules.cooldown).fill("-5");
    await page.getByRole("button", { name: en.rules.create }).click();
    await expect(page.getByLabel(en.rules.cooldown)).toHaveAccessibleDescription("must not be negative");
    await page.getByLabel(en.rules.cooldown).fill("60");
    await page.getByRole("button", { name: en.rules.create }).click();
    await expect(page.getByTestId("rule-row").filter({ hasText: "e2e crash loop" })).toContainText(
      "2 restarts in 1 min",
    );
    await shoot(page, "alert-rules");

    // A container that keeps dying: one alert, firing, sent to the webhook.
    docker(
      "local",
      "run",
      "-d",
      "--network",
      "none",
      "--name",
      CRASHER,
      "--restart",
      "always",
      "--label",
      "e2e.alert=loop",
      "--entrypoint",
      "/bin/sh",
      "local/idle:1",
      "-c",
      "exit 3",
    );
    await page.getByTestId("alerts-tab-alerts").click();
    const alert = page
      .getByTestId("alert-row")
      .filter({ hasText: CRASHER })
      .filter({ hasText: "e2e crash loop" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert.getByTestId("alert-state")).toHaveText(en.state.firing);
    await expect.poll(() => got.some((g) => g.body.includes('"kind":"restart-loop"'))).toBe(true);
    await alert.getByTestId("alert-ack").click();
    await expect(alert).toContainText("seen by admin");
    await expect(alert).toContainText(/restarted \d+ times within 1 min/);
    await shoot(page, "alerts");

    // Silenced for an hour from its row: marked silenced at once, listed, and ended again.
    await alert.getByTestId("alert-silence").click();
    await expect(alert.getByTestId("alert-state")).toContainText(en.silenced);
    await expect(alert.getByTestId("alert-silence")).toHaveCount(0);
    await page.getByTestId("alerts-tab-silences").click();
    const silence = page.getByTestId("silence-row").filter({ hasText: CRASHER });
    await expect(silence).toContainText("admin");
    await shoot(page, "silences");
    await silence.getByRole("button", { name: en.silences.end }).click();
    await expect(silence).toHaveCount(0);
    // A maintenance window set from the form: one host, everything on it, for 4 hours.
    await page.getByTestId("silence-new").click();
    await page.getByTestId("silence-host").selectOption("local");
    await page.getByTestId("silence-hours").selectOption("4");
    await page.getByTestId("silence-comment").fill("e2e maintenance");
    await page.getByRole("button", { name: en.silences.create, exact: true }).click();
    const window = page.getByTestId("silence-row").filter({ hasText: "e2e maintenance" });
    await expect(window).toContainText(en.silences.everything);
    await window.getByRole("button", { name: en.silences.end }).click();
    await expect(window).toHaveCount(0);
    await page.getByTestId("alerts-tab-alerts").click();
    await expect(alert.getByTestId("alert-state")).not.toContainText(en.silenced);

    // The overview: the alert firing, and a host that goes down.
    const added = await page.request.post("/api/v1/hosts", {
      headers: { "x-wharf-csrf": "1" },
      data: { id: "e2e-gone", name: "Gone", url: "tcp://127.0.0.1:9" },
    });
    expect(added.status()).toBe(201);
    try {
      await page.goto("/overview");
      await expect(
        page.getByTestId("overview-alerts").getByTestId("overview-alert").filter({ hasText: CRASHER }),
      ).toBeVisible();
      await expect(page.getByTestId("overview-host-e2e-gone").getByTestId("overview-host-status")).toHaveText(
        "down",
        {
          timeout: 30_000,
        },
      );
      await expect(page.getByTestId("overview-host-local").getByTestId("overview-host-status")).toContainText(
        "up",
      );
      await expect(page.getByTestId("overview-events")).toContainText(CRASHER);
      await shoot(page, "overview");
      const zhOverview = await signedIn(browser, "zh-CN");
      await zhOverview.goto("/overview");
      await expect(
        zhOverview.getByTestId("overview-host-e2e-gone").getByTestId("overview-host-status"),
      ).toHaveText("离线");
      await shoot(zhOverview, "overview-zh-CN");
      await zhOverview.context().close();
    } finally {
      await page.request.delete("/api/v1/hosts/e2e-gone", { headers: { "x-wharf-csrf": "1" } });
    }
    await page.context().close();

    const zh = await signedIn(browser, "zh-CN");
    await zh.goto("/alerts");
    await expect(zh.getByTestId("alerts-table")).toBeVisible();
    // What happened, written in Chinese from the alert's details, not the English summary.
    await expect(zh.getByTestId("alert-row").filter({ hasText: CRASHER })).toContainText(
      /1 分钟内重启了 \d+ 次/,
    );
    await shoot(zh, "alerts-zh-CN");
    await zh.getByTestId("alerts-tab-silences").click();
    await expect(zh.getByTestId("state-empty")).toBeVisible();
    await shoot(zh, "silences-zh-CN");
    await zh.context().close();
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});

test("a container's stored history renders over 1 h and 24 h", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "en-US");
  await page.goto("/hosts/local/containers/e2e-ticker");
  await page.getByRole("tab", { name: /stats/i }).click();
  await page.getByTestId("stats-range-1h").click();
  // Sampled every 2 s here: the first stored points come within a bucket or two.
  await expect(page.getByTestId("history-charts")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("history-charts")).toHaveAttribute("data-step", "10000");
  await page.getByTestId("stats-range-24h").click();
  const charts = page.getByTestId("history-charts");
  await expect(charts).toHaveAttribute("data-step", "60000", { timeout: 15_000 });
  const cpu = page.getByTestId("chart-history-CPU");
  await expect(cpu.locator("canvas")).toBeVisible();
  await shoot(page, "history-24h");
  const zh = await signedIn(browser, "zh-CN");
  await zh.goto("/hosts/local/containers/e2e-ticker");
  await zh.getByRole("tab", { name: /监控|stats/i }).click();
  await zh.getByTestId("stats-range-1h").click();
  await expect(zh.getByTestId("history-charts")).toBeVisible({ timeout: 30_000 });
  await shoot(zh, "history-1h-zh-CN");
  await zh.context().close();
  await page.context().close();
});
