import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { LoginPage } from "./pages/LoginPage";
import { ImageDetailPage, ImagesListPage, RegistryBrowserPage } from "./pages/imagesPages";

const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, "..", ".engines");
const REGISTRY = "127.0.0.1:5000";
const RUN = Date.now().toString(36);
// One repository for every run (a registry keeps a repository's name after its last tag goes), and a
// tag of this run's own holding random bytes, so its layer is new to every engine and really downloads.
const REPO = "wharf-e2e/images";
const TAG = RUN;
const REF = `${REGISTRY}/${REPO}:${TAG}`;
const BUILT = `e2e-built-${RUN}:1`;
const USER_CONTAINER = `e2e-upd-${RUN}`;
/** Image ids this run left behind untagged (the version an update replaced). */
const superseded: string[] = [];
// The built image tagged into the registry's namespace, to push it there (same repository, own tag).
const PUSHED_TAG = `${RUN}-pushed`;
const TAGGED = `${REGISTRY}/${REPO}:${PUSHED_TAG}`;
/** Image ids this run loaded onto `secure`. */
const imported: string[] = [];
const SHOTS = process.env.WHARF_SHOTS_DIR ?? "test-results/shots";

type Engine = "local" | "edge" | "secure";

/** Builds with the classic builder from stdin, offline; without a tag the image is dangling. Returns its id. */
function buildOn(engine: Engine, dockerfile: string, tag?: string): string {
  const sock = `unix://${path.join(enginesDir, engine, "docker.sock")}`;
  return execFileSync(
    "docker",
    ["-H", sock, "build", "--network", "none", "-q", ...(tag ? ["-t", tag] : []), "-"],
    { input: dockerfile, env: { ...process.env, DOCKER_BUILDKIT: "0" }, encoding: "utf8" },
  ).trim();
}

/** Whether an engine has an image, asked quietly: a miss is an expected answer here, not an error. */
function hasImage(engine: Engine, ref: string): boolean {
  try {
    execFileSync(
      "docker",
      ["-H", `unix://${path.join(enginesDir, engine, "docker.sock")}`, "image", "inspect", ref],
      {
        stdio: "ignore",
      },
    );
    return true;
  } catch {
    return false;
  }
}

/** Removes an image of this run by reference or id, if the engine still has it. */
function removeImage(engine: Engine, ref: string): void {
  if (hasImage(engine, ref)) docker(engine, "rmi", "-f", ref);
}

async function addRegistry(request: APIRequestContext): Promise<number> {
  const res = await request.post("/api/v1/registries", {
    headers: { "x-wharf-csrf": "1" },
    data: { name: `e2e-${RUN}`, url: `http://${REGISTRY}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  // Four random megabytes in a layer of its own, pushed to the plain registry, then gone from the engines.
  pushVersion("1");
});

/** Builds a version of the test image on `local`, pushes it under the one tag, and drops it from `local`. */
function pushVersion(version: string): void {
  buildOn(
    "local",
    `FROM local/busybox:1.35\nRUN head -c 4194304 /dev/urandom > /blob\nENV E2E=${version}\nLABEL wharf.test=e2e-${RUN}\nCMD ["sh"]\n`,
    REF,
  );
  docker("local", "push", "-q", REF);
  removeImage("local", REF);
}

/** Deletes this run's manifest from the registry (its blobs go at the registry's next garbage collection). */
async function deleteFromRegistry(tag: string): Promise<void> {
  const head = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
  });
  const digest = head.headers.get("docker-content-digest");
  if (digest) await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${digest}`, { method: "DELETE" });
}

test.afterAll(async () => {
  if (docker("edge", "ps", "-aq", "--filter", `name=^/${USER_CONTAINER}$`))
    docker("edge", "rm", "-f", USER_CONTAINER);
  removeImage("edge", REF);
  removeImage("secure", REF);
  removeImage("local", REF);
  removeImage("edge", BUILT);
  for (const id of superseded) removeImage("edge", id);
  removeImage("edge", TAGGED);
  for (const id of imported) removeImage("secure", id);
  // Whatever else carries this run's label: build steps a cancelled build left untagged.
  for (const engine of ["local", "edge", "secure"] as const) {
    const ids = docker(engine, "images", "-aq", "--filter", `label=wharf.test=e2e-${RUN}`);
    if (ids) docker(engine, "rmi", "-f", ...new Set(ids.split("\n")));
  }
  await deleteFromRegistry(TAG);
  await deleteFromRegistry(PUSHED_TAG);
});

test("browse the registry, pull a tag to a host with live layer bars, then read its layers", async ({
  page,
  context,
}) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const registryId = await addRegistry(page.request);
  // A second viewer of the host's images, to see the same job.
  const other = await context.newPage();
  const otherList = new ImagesListPage(other);
  await otherList.open("edge");

  const browser = new RegistryBrowserPage(page);
  await browser.open(registryId);
  await browser.openTag(REPO, TAG);

  const pull = await browser.pullToHost();
  await expect(pull.reference()).toHaveValue(REF);
  await pull.pickHost("Edge");
  await pull.pickHost("Secure (TLS)");
  await shoot(page, "pull-form");
  await pull.submit();
  // Bars appear per layer, and the host's own result follows.
  await expect(pull.layers("edge").first()).toBeVisible();
  await expect(pull.hostResult("edge")).toHaveAttribute("data-result", "ok", { timeout: 30_000 });
  // The base layer was on the engine already; the random one really came over the wire.
  await expect(pull.layers("edge").and(page.locator('[data-phase="done"]'))).toHaveCount(1);
  await expect(pull.layers("edge").and(page.locator('[data-phase="exists"]'))).toHaveCount(1);
  await expect(pull.layers("edge").first().getByRole("progressbar").first()).toHaveAttribute(
    "aria-valuenow",
    "100",
  );
  await shoot(page, "pull-dialog");
  // A result per host: the second host pulled the same image over TLS.
  await expect(pull.hostResult("secure")).toHaveAttribute("data-result", "ok", { timeout: 30_000 });
  expect(hasImage("edge", REF)).toBe(true);
  expect(hasImage("secure", REF)).toBe(true);
  await pull.close();

  // The other viewer's jobs tray shows the same pull, finished, and the list has the image.
  const tray = otherList.jobsTray();
  // Other specs' jobs on this host may still be listed as recent: find this pull among them.
  await expect(tray.getByTestId("jobs-count")).toHaveText(/^0 running · [1-9]\d* recent$/);
  await tray.getByRole("button", { name: /Jobs/ }).click();
  const job = tray.locator('[data-testid^="job-"][data-state]').filter({ hasText: REF });
  await expect(job).toHaveCount(1);
  await expect(job).toHaveAttribute("data-state", "done");
  await expect(job.getByTestId("job-state")).toHaveText("done");
  await expect(otherList.row(REF)).toBeVisible();
  await shoot(other, "jobs-tray");
  await other.close();

  // The cross-host list has it once per host, with the host column.
  const all = new ImagesListPage(page);
  await all.open();
  await all.filter(REPO);
  await expect(all.row(REF)).toHaveCount(2);
  await expect(all.row(REF).and(page.locator('[data-host="secure"]'))).toBeVisible();
  await shoot(page, "images-all-hosts");

  const list = new ImagesListPage(page);
  await list.open("edge");
  await expect(list.row(REF)).toBeVisible();
  await shoot(page, "images-list");

  // Keyboard: "/" filters, Escape leaves the box, j focuses the first row, Enter opens it.
  await page.keyboard.press("/");
  await page.keyboard.type(TAG);
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(list.row(REF)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Enter");
  const detail = new ImageDetailPage(page);
  await expect(detail.name()).toHaveText(REF);
  // Oldest first: the imported base, then the RUN that wrote the blob, with its size.
  await expect(detail.layerRows().first()).toContainText("Imported from");
  await expect(detail.layerRows().filter({ hasText: "RUN head -c 4194304" })).toContainText("4.0 MiB");
  // ENV, LABEL and CMD collapse into one row, which opens to list them.
  const meta = detail.metaRuns().last();
  await expect(meta).toContainText("3 metadata steps");
  await meta.getByRole("button").click();
  await expect(meta).toContainText(`LABEL wharf.test=e2e-${RUN}`);
  await shoot(page, "image-detail");
});

test("prune this run's dangling images by label, and see the space it reclaimed", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const id = buildOn(
    "edge",
    `FROM local/busybox:1.35\nRUN head -c 1048576 /dev/urandom > /junk\nLABEL wharf.test=e2e-${RUN}\n`,
  );
  const list = new ImagesListPage(page);
  await list.open("edge");
  await page.getByTestId("open-prune").click();
  const prune = page.getByTestId("prune-dialog");
  // Limited to this run's label: other dangling images on this shared engine are not ours to remove.
  await prune.getByLabel("Label filter").fill(`wharf.test=e2e-${RUN}`);
  await expect(prune.getByTestId("prune-estimate")).toContainText("1 image matches");
  await shoot(page, "prune-dialog");
  await prune.getByTestId("prune-submit").click();
  await expect(prune.getByTestId("prune-result")).toContainText(/reclaiming \d+(\.\d)? MiB/);
  expect(hasImage("edge", id)).toBe(false);
  await prune.getByRole("button", { name: "Done" }).click();
});

test("a newer digest in the registry shows as an update on the image and its container, and one click pulls it", async ({
  page,
}) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  docker("edge", "run", "-d", "--network", "none", "--name", USER_CONTAINER, REF, "sleep", "3600");
  // The image page names the container using it, linked to its page.
  await page.goto(`/hosts/edge/images/${encodeURIComponent(REF)}`);
  const usedBy = page.getByTestId("used-by");
  await expect(usedBy.getByRole("link", { name: USER_CONTAINER })).toHaveAttribute(
    "href",
    /\/hosts\/edge\/containers\//,
  );
  await expect(usedBy).toContainText("running");
  const before = docker("edge", "images", "-q", REF);
  superseded.push(before);
  pushVersion("2");

  const list = new ImagesListPage(page);
  await list.open("edge");
  await page.getByTestId("check-updates").click();
  const badge = list.row(REF).getByTestId("update-available");
  await expect(badge).toBeVisible();
  await shoot(page, "images-update-badge");

  await page.goto("/hosts/edge");
  await expect(page.getByTestId(`row-${USER_CONTAINER}`).getByTestId("update-available")).toBeVisible();
  await shoot(page, "containers-update-badge");

  await list.open("edge");
  await list.row(REF).getByTestId("update-available").click();
  await expect(page.getByTestId("toast-ok")).toContainText(`Pulled ${REF} on edge`);
  await expect(list.row(REF).getByTestId("update-available")).toHaveCount(0);
  await expect.poll(() => docker("edge", "images", "-q", REF)).not.toBe(before);
});

test("build from a pasted Dockerfile with its log, refusing a bad tag first", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const list = new ImagesListPage(page);
  await list.open("edge");
  const build = await list.openBuild();
  await build.fill(
    `FROM local/busybox:1.35\nRUN echo built > /built\nLABEL wharf.test=e2e-${RUN}\n`,
    "Bad:1",
  );
  await build.submit();
  await expect(build.error()).toHaveText('tags: "Bad:1": repository name must be lowercase');
  await build.fill(undefined, BUILT);
  await build.submit();
  await expect(build.log()).toContainText("Successfully built", { timeout: 30_000 });
  await expect(build.result()).toBeVisible();
  await shoot(page, "build-dialog");
  await build.result().getByRole("link").click();
  await expect(page.getByTestId("image-name")).toHaveText(BUILT);
  expect(docker("edge", "images", "-q", BUILT)).not.toBe("");
});

test("build from an uploaded tar context", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const dir = mkdtempSync(path.join(tmpdir(), "wharf-e2e-ctx-"));
  writeFileSync(path.join(dir, "hello.txt"), `hello from ${RUN}\n`);
  writeFileSync(
    path.join(dir, "Dockerfile"),
    `FROM local/busybox:1.35\nCOPY hello.txt /hello.txt\nLABEL wharf.test=e2e-${RUN}\n`,
  );
  const tar = path.join(dir, "context.tar");
  execFileSync("tar", ["-C", dir, "-cf", tar, "Dockerfile", "hello.txt"]);
  const tag = `e2e-ctx-${RUN}:1`;

  const list = new ImagesListPage(page);
  await list.open("edge");
  const build = await list.openBuild();
  await build.useArchive(tar, tag);
  await build.submit();
  await expect(build.result()).toBeVisible({ timeout: 30_000 });
  await expect(build.log()).toContainText("COPY hello.txt /hello.txt");
  expect(docker("edge", "run", "--rm", "--network", "none", tag, "cat", "/hello.txt")).toBe(
    `hello from ${RUN}`,
  );
  rmSync(dir, { recursive: true, force: true });
});

test("cancel a running build from its dialog", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const list = new ImagesListPage(page);
  await list.open("edge");
  const build = await list.openBuild();
  await build.fill(
    `FROM local/busybox:1.35\nLABEL wharf.test=e2e-${RUN}\nRUN sleep 30\n`,
    `e2e-cancel-${RUN}:1`,
  );
  await build.submit();
  const job = build.root.getByTestId("job-state");
  await expect(job).toHaveText("running");
  await expect(build.log()).toContainText("RUN sleep 30");
  await shoot(page, "build-running");
  await build.root.getByRole("button", { name: "Cancel" }).click();
  await expect(job).toHaveText("cancelled");
  await expect(build.error()).toBeVisible();
  expect(hasImage("edge", `e2e-cancel-${RUN}:1`)).toBe(false);
});

test("tag an image into the registry, push it, export it, import the tar on another host, then remove it there", async ({
  page,
}) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const id = docker("edge", "image", "inspect", "-f", "{{.Id}}", BUILT);
  imported.push(id);
  await page.goto(`/hosts/edge/images/${encodeURIComponent(BUILT)}`);
  await expect(page.getByTestId("image-name")).toHaveText(BUILT);

  await page.getByTestId("image-tag").click();
  await page.getByLabel("Repository").fill(`${REGISTRY}/${REPO}`);
  await page.getByLabel("Tag", { exact: true }).fill(PUSHED_TAG);
  await page.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(page.getByTestId("toast-ok")).toContainText(`Tagged ${TAGGED} on edge`);
  expect(docker("edge", "image", "inspect", "-f", "{{.Id}}", TAGGED)).toBe(id);

  // Push the new tag to the registry, with per-layer upload bars.
  await page.getByTestId("image-push").click();
  const push = page.getByTestId("push-dialog");
  await push.getByLabel("Tag to push").selectOption(TAGGED);
  await push.getByRole("button", { name: "Push", exact: true }).click();
  await expect(push.getByTestId("push-result")).toBeVisible({ timeout: 30_000 });
  await expect(push.getByTestId("job-state")).toHaveText("done");
  await expect(push.getByTestId("job-layer").first()).toBeVisible();
  const manifest = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${PUSHED_TAG}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
  });
  expect(manifest.status).toBe(200);
  await push.getByRole("button", { name: "Done" }).click();

  const download = page.waitForEvent("download");
  await page.getByTestId("image-export").click();
  const tar = `test-results/e2e-export-${RUN}.tar`;
  await (await download).saveAs(tar);

  const list = new ImagesListPage(page);
  await list.open("secure");
  await page.getByTestId("open-import").click();
  const dialog = page.getByTestId("import-dialog");
  await dialog.locator('input[type="file"]').setInputFiles(tar);
  await dialog.getByTestId("import-submit").click();
  // Exported under the tag the page was opened by, so the load elsewhere keeps that name.
  await expect(dialog.getByTestId("import-result")).toContainText(`Loaded on secure: ${BUILT}`);
  expect(docker("secure", "image", "inspect", "-f", "{{.Id}}", BUILT)).toBe(id);
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.goto(`/hosts/secure/images/${encodeURIComponent(id)}`);
  await page.getByTestId("image-remove").click();
  await page.getByTestId("remove-force").check();
  await page.getByRole("button", { name: "Force remove" }).click();
  await expect(page).toHaveURL(/\/hosts\/secure\/images$/);
  expect(hasImage("secure", id)).toBe(false);
});

test("Docker Hub search says the Hub is unreachable, with the engine's reason", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const list = new ImagesListPage(page);
  await list.open("edge");
  await page.getByTestId("hub-toggle").click();
  await page.getByLabel("Search Docker Hub").fill("nginx");
  await page.getByLabel("Search Docker Hub").press("Enter");
  const error = page.getByTestId("hub-search").getByTestId("state-error");
  await expect(error).toContainText("Docker Hub search failed", { timeout: 30_000 });
  await expect(error).not.toContainText("Something went wrong");
  await shoot(page, "hub-error");
});
