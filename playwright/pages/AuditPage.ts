import { expect, type Locator, type Page } from "@playwright/test";

export class AuditPage {
  constructor(private readonly page: Page) {}

  private filters(): Locator {
    return this.page.getByRole("search", { name: "Filter the audit log" });
  }

  /** Sets the given filters (others cleared) and applies them with Enter. */
  async filter(f: { user?: string; host?: string; action?: string }): Promise<void> {
    const form = this.filters();
    await form.getByLabel("User").fill(f.user ?? "");
    await form.getByLabel("Host").fill(f.host ?? "");
    await form.getByLabel("Action starts with").fill(f.action ?? "");
    await form.getByLabel("Action starts with").press("Enter");
    await expect(this.page.getByTestId("state-loading")).toHaveCount(0);
  }

  rows(): Locator {
    return this.page.getByTestId("audit-row");
  }

  /** Rows of one action whose target is `target`. */
  entry(action: string, target: string): Locator {
    return this.page
      .locator(`[data-testid="audit-row"][data-action="${action}"]`)
      .filter({ has: this.page.getByTestId("audit-target").getByText(target, { exact: true }) });
  }

  csvLink(): Locator {
    return this.page.getByTestId("audit-csv");
  }
}
