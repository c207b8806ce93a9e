import { expect, type Locator, type Page } from "@playwright/test";

export type AdminPageName = "Users" | "API tokens" | "Sessions" | "Audit log" | "Hosts";

const ADMIN_PATHS = {
  Users: "/admin/users",
  "API tokens": "/admin/tokens",
  Sessions: "/admin/sessions",
  "Audit log": "/admin/audit",
  Hosts: "/admin/hosts",
} as const satisfies Record<AdminPageName, string>;

/** The app shell's sidebar: admin section, account link, who is signed in, sign out. */
export class Sidebar {
  constructor(private readonly page: Page) {}

  adminNav(): Locator {
    return this.page.getByTestId("admin-nav");
  }

  whoami(): Locator {
    return this.page.getByTestId("whoami");
  }

  async openAdmin(name: AdminPageName): Promise<void> {
    await this.adminNav().getByRole("link", { name, exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`${ADMIN_PATHS[name]}$`));
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  async openAccount(): Promise<void> {
    await this.page.getByTestId("account-link").click();
    await expect(this.page).toHaveURL(/\/account$/);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
