import { expect, type Locator, type Page } from "@playwright/test";

/** The Alerts page's admin tabs: rules and targets, their rows and the dialog that edits them. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  async open(tab: "rules" | "targets"): Promise<void> {
    await this.page.goto("/alerts");
    await this.page.getByTestId(`alerts-tab-${tab}`).click();
    await expect(this.page.getByTestId(`${tab === "rules" ? "rule" : "target"}-new`)).toBeVisible();
  }

  ruleRow(name: string): Locator {
    return this.page.getByTestId("rule-row").filter({ hasText: name });
  }

  targetRow(name: string): Locator {
    return this.page.getByTestId("target-row").filter({ hasText: name });
  }

  async editRule(name: string): Promise<Locator> {
    await this.ruleRow(name).getByTestId("rule-edit").click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  async editTarget(name: string): Promise<Locator> {
    await this.targetRow(name).getByTestId("target-edit").click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }
}
