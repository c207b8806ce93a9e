import { expect, type Locator, type Page } from "@playwright/test";

export class NetworksPage {
  constructor(private readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByTestId(`network-row-${name}`);
  }

  async open(hostId: string): Promise<void> {
    await this.page.goto(`/hosts/${hostId}/networks`);
    await expect(this.page.getByRole("heading", { name: /networks/ })).toBeVisible();
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Fills the new-network dialog and submits it; the dialog stays open when a check refuses it. */
  async submitNew(d: { name: string; subnet?: string; gateway?: string; labels?: Record<string, string> }) {
    if (!(await this.dialog().isVisible()))
      await this.page.getByRole("button", { name: "+ Network" }).click();
    const dialog = this.dialog();
    await dialog.getByLabel("Name").fill(d.name);
    await dialog.getByLabel("Internal bridge").check();
    await dialog.getByLabel("Subnet").fill(d.subnet ?? "");
    await dialog.getByLabel("Gateway").fill(d.gateway ?? "");
    for (const [i, [k, v]] of Object.entries(d.labels ?? {}).entries()) {
      if (!(await dialog.getByLabel(`Labels ${i + 1} key`).isVisible()))
        await dialog.getByRole("button", { name: "+ label" }).click();
      await dialog.getByLabel(`Labels ${i + 1} key`).fill(k);
      await dialog.getByLabel(`Labels ${i + 1} value`).fill(v);
    }
    await dialog.getByRole("button", { name: "Create network" }).click();
  }

  async remove(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Remove ${name}` })
      .click();
    await this.dialog().getByRole("button", { name: "Remove network" }).click();
  }
}
