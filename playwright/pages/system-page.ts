import { expect, type Locator, type Page } from "@playwright/test";

export class SystemPage {
  constructor(private readonly page: Page) {}

  async open(hostId: string): Promise<void> {
    await this.page.goto(`/hosts/${hostId}/system`);
    await expect(this.page.getByTestId("engine-info")).toBeVisible();
  }

  info(label: string): Locator {
    return this.page.getByTestId(`info-${label}`);
  }

  dialog(): Locator {
    return this.page.getByTestId("prune-everything");
  }

  /** Opens "Prune everything" limited to a label, with volumes included, and waits for the preview. */
  async previewPrune(label: string): Promise<Locator> {
    await this.page.getByTestId("prune-everything-open").click();
    const d = this.dialog();
    await d.getByLabel(/Unused volumes/).check();
    await d.getByLabel("Only those with label (optional)").fill(label);
    await expect(d.getByTestId("prune-preview")).toBeVisible();
    return d;
  }
}
