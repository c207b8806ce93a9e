import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto("/");
    await expect(this.page).toHaveURL(/\/login/);
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    // Sign-in lands on the fleet overview; the specs start from the container list.
    await expect(this.page).toHaveURL(/\/overview/);
    await this.page.goto("/containers");
  }
}
