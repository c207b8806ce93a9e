import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { AlertsPage } from "./pages/alerts-page";
import { shoot, signedIn } from "./pages/session";
import en from "../lib/i18n/messages/en/alerts.json" with { type: "json" };
import zh from "../lib/i18n/messages/zh-CN/alerts.json" with { type: "json" };

const CSRF = { "x-wharf-csrf": "1" };

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { headers: CSRF, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test("an admin edits a rule's threshold and sees it in the list; a bad one is refused beside its field", async ({
  browser,
}) => {
  const page = await signedIn(browser, "en-US");
  const rule = await post<{ id: number }>(page, "/api/v1/alerts/rules", {
    name: "e2e edit cpu",
    kind: "cpu",
    scope: { hosts: ["local"], labelSelector: "e2e.edit=1" },
    params: { percent: 80, seconds: 60 },
    cooldownSeconds: 600,
  });
  const alerts = new AlertsPage(page);
  await alerts.open("rules");
  const row = alerts.ruleRow("e2e edit cpu");
  await expect(row).toContainText("over 80 % for 60 s");

  // Prefilled from the rule.
  const dialog = await alerts.editRule("e2e edit cpu");
  await expect(dialog.getByRole("heading")).toHaveText("Edit the rule e2e edit cpu");
  await expect(dialog.getByTestId("rule-name")).toHaveValue("e2e edit cpu");
  await expect(dialog.getByTestId("rule-kind")).toHaveValue("cpu");
  await expect(dialog.getByTestId("rule-percent")).toHaveValue("80");
  await expect(dialog.getByTestId("rule-seconds")).toHaveValue("60");
  await expect(dialog.getByLabel(en.rules.labelSelector)).toHaveValue("e2e.edit=1");
  await expect(dialog.getByLabel(en.rules.hosts)).toHaveValue("local");
  await expect(dialog.getByLabel(en.rules.cooldown)).toHaveValue("600");
  await expect(dialog.getByTestId("rule-enabled")).toBeChecked();

  // Over 100 %: the server's reason stands beside the field, and nothing is saved.
  await dialog.getByTestId("rule-percent").fill("150");
  await dialog.getByTestId("rule-seconds").fill("30");
  await dialog.getByRole("button", { name: en.rules.save }).click();
  await expect(dialog.getByTestId("rule-percent")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByTestId("rule-percent")).toHaveAccessibleDescription("must be at most 100");
  await expect(dialog.getByTestId("dialog-error")).toHaveCount(0);
  await shoot(page, "alert-rule-edit");
  const stored = await page.request.get("/api/v1/alerts/rules");
  const items = ((await stored.json()) as { items: { id: number; params: object }[] }).items;
  expect(items.find((r) => r.id === rule.id)?.params).toEqual({ percent: 80, seconds: 60 });

  await dialog.getByTestId("rule-percent").fill("92.5");
  await dialog.getByRole("button", { name: en.rules.save }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("over 92.5 % for 30 s");

  // Off from its row, and on again.
  await row.getByTestId("rule-toggle").click();
  await expect(row).toContainText(en.rules.off);
  await expect(row.getByTestId("rule-toggle")).toHaveText(en.rules.turnOn);
  await row.getByTestId("rule-toggle").click();
  await expect(row).not.toContainText(en.rules.off);
  await shoot(page, "alert-rules-edited");

  const zhPage = await signedIn(browser, "zh-CN");
  const zhAlerts = new AlertsPage(zhPage);
  await zhAlerts.open("rules");
  const zhDialog = await zhAlerts.editRule("e2e edit cpu");
  await expect(zhDialog.getByRole("heading")).toHaveText("编辑规则 e2e edit cpu");
  await zhDialog.getByTestId("rule-seconds").fill("1m");
  await zhDialog.getByLabel(zh.rules.cooldown).fill("-1");
  await zhDialog.getByRole("button", { name: zh.rules.save }).click();
  // The form's own check, said in Chinese beside the field.
  await expect(zhDialog.getByTestId("rule-seconds")).toHaveAccessibleDescription("必须是数字");
  await zhDialog.getByTestId("rule-seconds").fill("30");
  await zhDialog.getByRole("button", { name: zh.rules.save }).click();
  await expect(zhDialog.getByLabel(zh.rules.cooldown)).toHaveAccessibleDescription("不能为负数");
  await shoot(zhPage, "alert-rule-edit-zh-CN");
  await zhPage.context().close();
  await page.context().close();
});

test("an admin edits a target without its secrets ever reaching the browser, and they still work", async ({
  browser,
}) => {
  const got: { path: string }[] = [];
  const receiver = http.createServer((req, res) => {
    got.push({ path: req.url ?? "" });
    req.resume().on("end", () => res.writeHead(200).end('{"errcode":0}'));
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  try {
    const page = await signedIn(browser, "en-US");
    await post(page, "/api/v1/alerts/targets", {
      name: "e2e robot",
      config: {
        kind: "dingtalk",
        url: `${origin}/robot?access_token=tok-Zq9x`,
        secret: "SEC-Zq9x",
      },
    });
    await post(page, "/api/v1/alerts/targets", {
      name: "e2e mail",
      config: {
        kind: "email",
        host: "smtp.example.test",
        port: 587,
        user: "ops",
        password: "pw-Zq9x",
        from: "wharf@example.test",
        to: ["ops@example.test", "oncall@example.test"],
      },
    });
    const seen: Promise<string>[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/api/v1/alerts/targets")) seen.push(r.text());
    });
    const alerts = new AlertsPage(page);
    await alerts.open("targets");

    const dialog = await alerts.editTarget("e2e robot");
    await expect(dialog.getByTestId("target-name")).toHaveValue("e2e robot");
    await expect(dialog.getByTestId("target-kind")).toHaveValue("dingtalk");
    await expect(dialog.getByTestId("target-url")).toHaveValue("");
    await expect(dialog.getByTestId("target-url")).toHaveAttribute("placeholder", `unchanged: ${origin}/…`);
    await expect(dialog.getByTestId("target-secret")).toHaveValue("");
    await expect(dialog.getByTestId("target-secret")).toHaveAttribute("placeholder", en.targets.unchanged);
    await shoot(page, "alert-target-edit");
    await dialog.getByTestId("target-name").fill("e2e robot renamed");
    await dialog.getByRole("button", { name: en.targets.save }).click();
    await expect(dialog).toBeHidden();
    const row = alerts.targetRow("e2e robot renamed");
    await expect(row).toBeVisible();

    // The kept URL and secret still deliver: the test reaches the robot, signed.
    await row.getByTestId("target-test").click();
    await expect(row.getByTestId("target-last")).toHaveText(new RegExp(`^${en.deliveryStatus.sent} · `), {
      timeout: 15_000,
    });
    expect(got.at(-1)?.path).toMatch(/^\/robot\?access_token=tok-Zq9x&timestamp=\d+&sign=/);

    // A mail target: its addresses prefilled, its password kept; a bad address named beside its field.
    const mail = await alerts.editTarget("e2e mail");
    await expect(mail.getByLabel(en.targets.smtpHost, { exact: true })).toHaveValue("smtp.example.test");
    await expect(mail.getByLabel(en.targets.to, { exact: true })).toHaveValue(
      "ops@example.test, oncall@example.test",
    );
    await expect(mail.getByTestId("target-password")).toHaveAttribute("placeholder", en.targets.unchanged);
    await mail.getByLabel(en.targets.from, { exact: true }).fill("not-an-address");
    await mail.getByRole("button", { name: en.targets.save }).click();
    await expect(mail.getByLabel(en.targets.from, { exact: true })).toHaveAccessibleDescription(
      "must be an email address",
    );
    await shoot(page, "alert-target-edit-mail");
    await mail.getByRole("button", { name: "Cancel" }).click();

    // Every answer the page had about targets: the list, both edit forms, the saves.
    expect(seen.length).toBeGreaterThan(4);
    expect((await Promise.all(seen)).join("\n")).not.toMatch(/Zq9x/);
    expect(await page.content()).not.toMatch(/Zq9x/);
    await page.context().close();

    const zhPage = await signedIn(browser, "zh-CN");
    const zhAlerts = new AlertsPage(zhPage);
    await zhAlerts.open("targets");
    const zhMail = await zhAlerts.editTarget("e2e mail");
    await expect(zhMail.getByTestId("target-password")).toHaveAttribute("placeholder", zh.targets.unchanged);
    await shoot(zhPage, "alert-target-edit-zh-CN");
    await zhMail.getByRole("button", { name: "取消" }).click();
    await zhAlerts.editTarget("e2e robot renamed");
    await shoot(zhPage, "alert-target-edit-robot-zh-CN");
    await zhPage.context().close();
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
