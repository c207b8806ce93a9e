import { expect, type Locator, type Page } from "@playwright/test";

export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  private form(): Locator {
    return this.page.getByTestId("user-create");
  }

  row(username: string): Locator {
    return this.page.getByTestId(`user-${username}`);
  }

  /** Fills the "New user" form (its default scope: the signed-in admin's own) and waits for the row. */
  async create(username: string, password: string, role: "viewer" | "operator" | "admin"): Promise<void> {
    const form = this.form();
    await form.getByLabel("Username").fill(username);
    await form.getByLabel("Password").fill(password);
    await form.getByLabel("Role").selectOption(role);
    // Enter submits, as in every form.
    await form.getByLabel("Password").press("Enter");
    await expect(this.row(username)).toBeVisible();
    await expect(form.getByLabel("Username")).toHaveValue("");
  }
}
