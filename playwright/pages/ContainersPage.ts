import { expect, type Locator, type Page } from "@playwright/test";

export class ContainersPage {
  constructor(private readonly page: Page) {}

  host(id: string): Locator {
    return this.page.getByTestId(`host-${id}`);
  }

  row(name: string): Locator {
    return this.page.getByTestId(`row-${name}`);
  }

  async openHost(id: string): Promise<void> {
    await this.host(id).click();
    await expect(this.page).toHaveURL(new RegExp(`/hosts/${id}$`));
    await expect(this.page.getByTestId("container-table")).toBeVisible();
  }
}

export class ContainerDetailPage {
  constructor(private readonly page: Page) {}

  startedAt(): Locator {
    return this.page.getByTestId("started-at");
  }

  async restart(): Promise<void> {
    await this.page.getByTestId("action-restart").click();
  }
}
