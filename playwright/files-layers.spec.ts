import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { catalog } from "./catalog";
import { docker } from "./engines";
import { shoot, signedIn } from "./pages/session";

const RUN = Date.now().toString(36);
const NAME = `e2e-files-${RUN}`;
const COMMITTED = `e2e/committed-${RUN}`;
const WASTEFUL = `e2e/wasteful:${RUN}`;
const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, "..", ".engines");
const en = catalog("en");
const zhCN = catalog("zh-CN");

/** A file of two MiB: large enough that a throttled upload shows its progress for a while. */
const UPLOAD = { name: "upload.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024, "w") };

let imageId = "";

test.beforeAll(() => {
  docker("local", "run", "-d", "--network", "none", "--name", NAME, "local/ticker:1");
  docker(
    "local",
    "exec",
    NAME,
    "sh",
    "-c",
    "echo 'hello from wharf' > /etc/motd && rm /bin/acpid && printf '\\177ELF\\002\\001\\001\\000' > /root/blob.bin",
  );
  // An image that writes a file, overwrites it and deletes it: two wasted copies.
  imageId = execFileSync(
    "docker",
    [
      "-H",
      `unix://${path.join(enginesDir, "local", "docker.sock")}`,
      "build",
      "--network",
      "none",
      "-q",
      "-t",
      WASTEFUL,
      "-",
    ],
    {
      input: [
        "FROM local/busybox:1.35",
        "RUN mkdir -p /opt/reports && dd if=/dev/zero of=/opt/reports/cache.bin bs=1024 count=3072",
        "RUN dd if=/dev/zero of=/opt/reports/cache.bin bs=1024 count=3072",
        "RUN rm /opt/reports/cache.bin",
      ].join("\n"),
      env: { ...process.env, DOCKER_BUILDKIT: "0" },
      encoding: "utf8",
    },
  ).trim();
});

test.afterAll(() => {
  docker("local", "rm", "-f", NAME);
  for (const ref of [`${COMMITTED}:1`, WASTEFUL]) {
    try {
      docker("local", "rmi", ref);
    } catch {
      // never made: the test failed before it
    }
  }
});

/** The upload's bytes leave the browser at 512 KiB/s, so its progress bar is on screen for seconds. */
async function slowUploads(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 512 * 1024,
  });
}

test("browse, preview, upload with progress, see it under Changes, and commit", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, "en-US");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/hosts/local/containers/${NAME}?tab=files`);
  const files = page.getByTestId("files-tab");
  await files.getByTestId("file-etc").click();
  await files.getByTestId("file-motd").click();
  await expect(page.getByTestId("file-preview-path")).toHaveText("/etc/motd");
  await expect(page.getByTestId("file-preview-text")).toContainText("hello from wharf");
  await shoot(page, "files-preview-en");

  // A binary file shows as hex; one over the preview's size says so and offers the download.
  await files.getByTestId("files-crumbs").getByRole("button", { name: "/" }).click();
  await files.getByTestId("file-root").click();
  await files.getByTestId("file-blob.bin").click();
  await expect(page.getByTestId("file-preview-hex")).toContainText("00000000: 7f45 4c46 0201");
  await files.getByTestId("files-crumbs").getByRole("button", { name: "/" }).click();
  await files.getByTestId("file-bin").click();
  await files.getByTestId("files-filter").fill("busybox");
  await files.getByTestId("file-busybox").click();
  await expect(page.getByTestId("file-preview")).toContainText("too large to preview");

  // Upload into /etc, slowed so the progress bar shows; then again, which asks before replacing.
  await files.getByTestId("files-crumbs").getByRole("button", { name: "/" }).click();
  await files.getByTestId("file-etc").click();
  await slowUploads(page);
  await files.getByTestId("upload-files-input").setInputFiles(UPLOAD);
  await expect(files.getByTestId("upload-progress")).toBeVisible();
  await shoot(page, "files-upload-progress-en");
  await expect(files.getByTestId("file-upload.txt")).toBeVisible({ timeout: 30_000 });
  expect(docker("local", "exec", NAME, "wc", "-c", "/etc/upload.txt")).toBe(
    `${UPLOAD.buffer.length} /etc/upload.txt`,
  );
  await files.getByTestId("upload-files-input").setInputFiles(UPLOAD);
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByTestId("upload-existing")).toHaveText("/etc/upload.txt", { timeout: 30_000 });
  await confirm.getByRole("button", { name: en.files.upload.replace }).click();
  await expect(page.getByText("Uploaded 1 item into /etc")).toBeVisible({ timeout: 30_000 });

  // Changes: the same marks as docker diff gives.
  await page.getByRole("tab", { name: en.containers.detail.tab.changes }).click();
  const changes = page.getByTestId("changes-tree");
  await expect(changes.getByTestId("change-/etc/motd")).toHaveAttribute("data-kind", "A");
  await expect(changes.getByTestId("change-/etc/upload.txt")).toHaveAttribute("data-kind", "A");
  await expect(changes.getByTestId("change-/bin/acpid")).toHaveAttribute("data-kind", "D");
  const diff = docker("local", "diff", NAME).split("\n");
  expect(diff).toEqual(expect.arrayContaining(["A /etc/motd", "A /etc/upload.txt", "D /bin/acpid"]));
  await shoot(page, "files-changes-en");

  // A changed file opens in the Files tab.
  await changes.getByRole("button", { name: "motd" }).click();
  await expect(page.getByTestId("file-preview-text")).toContainText("hello from wharf");

  // Commit, with a CMD change: the new image runs it.
  await page.getByRole("tab", { name: en.containers.detail.tab.changes }).click();
  await page.getByTestId("commit-open").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("commit-diff")).toContainText("/etc/upload.txt");
  const count = (k: string) => diff.filter((l) => l.startsWith(`${k} `)).length;
  await expect(dialog.getByTestId("commit-freezes")).toContainText(
    `${count("A")} added, ${count("C")} changed and ${count("D")} deleted`,
  );
  await dialog.getByLabel(en.files.commit.repo).fill(COMMITTED);
  await dialog.getByLabel(en.files.commit.tag).fill("1");
  await dialog.getByLabel(en.files.commit.message).fill("motd for the e2e run");
  await dialog.getByLabel(en.files.commit.changes).fill('CMD ["cat", "/etc/motd"]');
  await dialog.getByRole("button", { name: en.files.commit.submit }).click();
  await expect(page.getByTestId("commit-result")).toContainText(`${COMMITTED}:1`);
  expect(docker("local", "run", "--rm", "--network", "none", `${COMMITTED}:1`)).toBe("hello from wharf");
  expect(docker("local", "image", "inspect", "-f", "{{.Comment}}", `${COMMITTED}:1`)).toBe(
    "motd for the e2e run",
  );
  await page.context().close();

  const zh = await signedIn(browser, "zh-CN");
  await zh.setViewportSize({ width: 1440, height: 900 });
  await zh.goto(`/hosts/local/containers/${NAME}?tab=files&path=/etc`);
  await expect(zh.getByTestId("files-table")).toContainText("upload.txt");
  await expect(zh.getByTestId("files-tab")).toContainText(zhCN.files.upload.files);
  await shoot(zh, "files-zh-CN");
  await zh.getByRole("tab", { name: zhCN.containers.detail.tab.changes }).click();
  await expect(zh.getByTestId("changes-counts")).toContainText("新增");
  await shoot(zh, "files-changes-zh-CN");
  await zh.context().close();
});

test("the layer explorer finds the wasted file and explains it layer by layer", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "en-US");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/hosts/local/images/${encodeURIComponent(imageId)}?layers=explorer`);
  const explorer = page.getByTestId("layer-explorer");
  await expect(explorer).toBeVisible({ timeout: 60_000 });
  const wasted = explorer.getByTestId("layer-wasted-files");
  await expect(wasted).toContainText("opt/reports/cache.bin");
  await expect(wasted).toContainText("written in layer 2, overwritten in layer 3, deleted in layer 4");
  // Two superseded copies of 3 MiB: 6 MiB, not 9.
  await expect(explorer.getByTestId("layer-wasted")).toContainText("6");
  await explorer.getByTestId("layer-4").click();
  const layer = explorer.getByTestId("layer-files");
  await layer.getByRole("button", { name: "opt/" }).click();
  await layer.getByRole("button", { name: "reports/" }).click();
  await expect(layer.getByTestId("layer-file-cache.bin")).toHaveAttribute("data-change", "D");
  await shoot(page, "layers-explorer-en");
  // The tree after layer 3 still holds the file.
  await explorer.getByTestId("layer-3").click();
  await explorer.getByTestId("layer-files").getByTestId("layer-view-merged").click();
  await layer.getByRole("button", { name: "opt/" }).click();
  await layer.getByRole("button", { name: "reports/" }).click();
  await expect(layer.getByTestId("layer-file-cache.bin")).toBeVisible();
  await page.context().close();

  const zh = await signedIn(browser, "zh-CN");
  await zh.setViewportSize({ width: 1440, height: 1000 });
  await zh.goto(`/hosts/local/images/${encodeURIComponent(imageId)}?layers=explorer`);
  await expect(zh.getByTestId("layer-wasted-files")).toContainText("第 2 层写入");
  await shoot(zh, "layers-explorer-zh-CN");
  await zh.context().close();
});
