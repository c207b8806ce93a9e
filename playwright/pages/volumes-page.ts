import { expect, type Locator, type Page } from "@playwright/test";

/** Both themes of the current page, saved for review (outside the repository's tracked files). */
export async function shootBothThemes(page: Page, name: string): Promise<void> {
  // Tall enough that panels scrolling inside the page show whole.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1600 });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `data/shots/${name}-${theme}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

export class VolumesPage {
  constructor(private readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByTestId(`volume-row-${name}`);
  }

  async open(hostId: string): Promise<void> {
    await this.page.goto(`/hosts/${hostId}/volumes`);
    await expect(this.page.getByRole("heading", { name: /volumes/ })).toBeVisible();
  }

  async create(name: string, labels: Record<string, string>): Promise<void> {
    await this.page.getByRole("button", { name: "+ Volume" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    for (const [i, [k, v]] of Object.entries(labels).entries()) {
      await dialog.getByRole("button", { name: "+ label" }).click();
      await dialog.getByLabel(`Labels ${i + 1} key`).fill(k);
      await dialog.getByLabel(`Labels ${i + 1} value`).fill(v);
    }
    await dialog.getByRole("button", { name: "Create volume" }).click();
    await expect(dialog).toBeHidden();
  }

  async remove(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Remove ${name}` })
      .click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Remove volume" }).click();
  }
}
