import { expect, type Locator, type Page } from "@playwright/test";

/** The registry browser: repositories, tags, and a tag's detail pane with "Pull to host…". */
export class RegistryBrowserPage {
  constructor(private readonly page: Page) {}

  async open(registryId: number): Promise<void> {
    await this.page.goto(`/registries?registry=${registryId}`);
    await expect(this.page.getByTestId("registry-repos")).toBeVisible();
  }

  async openTag(repo: string, tag: string): Promise<void> {
    await this.page.getByTestId("registry-repos").getByRole("button", { name: repo, exact: true }).click();
    await this.page.getByTestId("registry-tags").getByRole("button", { name: tag, exact: true }).click();
    await expect(this.page.getByTestId("tag-detail")).toBeVisible();
  }

  async pullToHost(): Promise<PullDialogPage> {
    await this.page.getByTestId("tag-pull").click();
    const dialog = new PullDialogPage(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class PullDialogPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId("pull-dialog");
  }

  reference(): Locator {
    return this.root.getByLabel("Image reference");
  }

  async pickHost(name: string): Promise<void> {
    await this.root.getByRole("checkbox", { name }).check();
  }

  async submit(): Promise<void> {
    await this.root.getByTestId("pull-submit").click();
  }

  hostResult(hostId: string): Locator {
    return this.root.getByTestId(`pull-host-${hostId}`);
  }

  layers(hostId: string): Locator {
    return this.hostResult(hostId).getByTestId("job-layer");
  }

  async close(): Promise<void> {
    await this.root.getByRole("button", { name: /Done|Hide/ }).click();
    await expect(this.root).toBeHidden();
  }
}

export class ImagesListPage {
  constructor(private readonly page: Page) {}

  async open(hostId?: string): Promise<void> {
    await this.page.goto(hostId ? `/hosts/${hostId}/images` : "/images");
    await expect(this.page.getByTestId("image-table")).toBeVisible();
  }

  row(ref: string): Locator {
    return this.page.getByTestId(`image-row-${ref}`);
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel("Filter images").fill(text);
  }

  jobsTray(): Locator {
    return this.page.getByTestId("jobs-tray");
  }

  async openBuild(): Promise<BuildDialogPage> {
    await this.page.getByTestId("open-build").click();
    const dialog = new BuildDialogPage(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openImage(ref: string): Promise<ImageDetailPage> {
    await this.row(ref).getByRole("link").first().click();
    const detail = new ImageDetailPage(this.page);
    await expect(detail.name()).toHaveText(ref);
    return detail;
  }
}

export class ImageDetailPage {
  constructor(private readonly page: Page) {}

  name(): Locator {
    return this.page.getByTestId("image-name");
  }

  layerView(): Locator {
    return this.page.getByTestId("layer-view");
  }

  layerRows(): Locator {
    return this.layerView().getByTestId("layer-row");
  }

  metaRuns(): Locator {
    return this.layerView().getByTestId("layer-meta");
  }
}

export class BuildDialogPage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId("build-dialog");
  }

  async fill(dockerfile: string | undefined, tags: string): Promise<void> {
    if (dockerfile !== undefined) await this.root.getByLabel("Dockerfile", { exact: true }).fill(dockerfile);
    await this.root.getByLabel("Tags", { exact: true }).fill(tags);
  }

  async useArchive(file: string, tags: string): Promise<void> {
    await this.root.getByRole("radio", { name: /Upload a context/ }).check();
    await this.root.locator('input[type="file"]').setInputFiles(file);
    await this.root.getByLabel("Tags", { exact: true }).fill(tags);
  }

  async submit(): Promise<void> {
    await this.root.getByTestId("build-submit").click();
  }

  error(): Locator {
    return this.root.getByTestId("dialog-error");
  }

  log(): Locator {
    return this.root.getByTestId("build-log");
  }

  result(): Locator {
    return this.root.getByTestId("build-result");
  }
}
