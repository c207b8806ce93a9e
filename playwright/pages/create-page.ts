import { expect, type Locator, type Page } from "@playwright/test";

/** The create form: paste a docker run line, edit fields, submit. Also used for edit-and-recreate. */
export class CreatePage {
  constructor(private readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId("create-title");
  }

  async importDockerRun(line: string): Promise<void> {
    const box = this.page.getByTestId("docker-run-import");
    await box.getByLabel("docker run line").fill(line);
    await box.getByRole("button", { name: "Fill the form" }).click();
    await expect(box.getByTestId("import-result")).toBeVisible();
  }

  notImported(): Locator {
    return this.page.getByTestId("not-imported");
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The index (1-based) of the env row whose key is `key`. */
  private async envRow(key: string): Promise<number> {
    const keys = this.page.getByLabel(/^Variables \d+ key$/);
    const n = await keys.count();
    for (let i = 0; i < n; i++) if ((await keys.nth(i).inputValue()) === key) return i + 1;
    throw new Error(`no env row ${key}`);
  }

  async envValue(key: string): Promise<string> {
    return this.page.getByLabel(`Variables ${await this.envRow(key)} value`).inputValue();
  }

  async setEnv(key: string, value: string): Promise<void> {
    await this.page.getByLabel(`Variables ${await this.envRow(key)} value`).fill(value);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("submit-create").click();
  }
}
