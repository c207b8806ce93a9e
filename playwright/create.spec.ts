import { expect, test } from "@playwright/test";
import { docker, E2E_ADMIN_PASSWORD } from "./engines";
import { ContainersPage } from "./pages/ContainersPage";
import { CreatePage } from "./pages/create-page";
import { LoginPage } from "./pages/LoginPage";
import { shootBothThemes } from "./pages/volumes-page";

const RUN = Date.now().toString(36);
const NAME = `e2e-create-${RUN}`;
const VOLUME = `e2e-cvol-${RUN}`;
const LINE =
  `docker run -d --name ${NAME} --network none -v ${VOLUME}:/data ` +
  `-l wharf.test=${RUN} -e MODE=first -e KEEP=1 --log-opt max-size=1m local/ticker:1`;

const inspect = (format: string) => docker("local", "inspect", "-f", format, NAME);

test.afterAll(() => {
  // This file's container (and any copy a failed recreate set aside), then its volume.
  const ids = docker("local", "ps", "-aq", "--filter", `name=^/${NAME}`);
  if (ids) docker("local", "rm", "-f", ...ids.split("\n"));
  if (docker("local", "volume", "ls", "-q", "--filter", `name=^${VOLUME}$`))
    docker("local", "volume", "rm", VOLUME);
});

test("paste a docker run line, create it, then edit its env and recreate it with the volume kept", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await new ContainersPage(page).openHost("local");
  await shootBothThemes(page, "containers-create-button");
  await page.getByTestId("create-container").click();
  await expect(page).toHaveURL(/\/hosts\/local\/create$/);

  // (1) The pasted line fills the form; what the form cannot hold is listed, not dropped.
  const form = new CreatePage(page);
  await form.importDockerRun(LINE);
  await expect(form.notImported()).toContainText("--log-opt max-size=1m");
  await expect(form.field("Image")).toHaveValue("local/ticker:1");
  await expect(form.field("Name")).toHaveValue(NAME);
  await expect(form.field("Mount 1 source")).toHaveValue(VOLUME);
  await expect(form.field("Mount 1 target")).toHaveValue("/data");
  expect(await form.envValue("MODE")).toBe("first");
  await shootBothThemes(page, "create");

  // The server's 400 names the field, and the message shows in that field's section.
  await form.field("Name").fill("x");
  await form.submit();
  await expect(page.getByTestId("section-basics").getByTestId("field-error")).toContainText("name:");
  await form.field("Name").fill(NAME);
  // An image that is not on the host: the form says so and offers the pull.
  await form.field("Image").fill(`local/absent-${RUN}:1`);
  await form.submit();
  await expect(page.getByTestId("image-missing")).toContainText(`local/absent-${RUN}:1`);
  await expect(page.getByTestId("image-missing").getByRole("button", { name: /^Pull / })).toBeVisible();
  await form.field("Image").fill("local/ticker:1");

  // (2, 3) Create and start it: the container page opens and shows it running.
  await form.submit();
  await expect(page).toHaveURL(/\/hosts\/local\/containers\/[0-9a-f]{64}$/);
  await expect(page.getByTestId("container-name")).toHaveText(NAME);
  await expect(page.locator("header").getByTestId("state")).toHaveText("running");
  expect(inspect("{{.State.Running}} {{.HostConfig.NetworkMode}}")).toBe("true none");
  expect(inspect(`{{index .Config.Labels "wharf.test"}}`)).toBe(RUN);
  const firstId = inspect("{{.Id}}");

  // Copy as docker run: the line reflects the container.
  await page.getByTestId("copy-docker-run").click();
  await expect(page.getByTestId("copy-docker-run")).toHaveText("✓ Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("MODE=first");
  expect(copied).toContain(`${VOLUME}:/data`);

  // (4) Edit and recreate: the form opens filled from the container.
  await page.getByTestId("edit-recreate").click();
  await expect(form.title()).toHaveText(`Edit and recreate ${NAME}`);
  expect(await form.envValue("MODE")).toBe("first");
  await form.setEnv("MODE", "second");
  await shootBothThemes(page, "recreate");
  await form.submit();

  // (5) The new container runs with the new env, under the same name, with the volume still mounted.
  await expect(page).toHaveURL(/\/hosts\/local\/containers\/[0-9a-f]{64}$/);
  await expect(page.getByTestId("toast-ok")).toContainText(`${NAME} recreated`);
  await expect(page.getByTestId("toast-ok")).toContainText("changed: env");
  await expect(page.getByTestId("container-name")).toHaveText(NAME);
  expect(inspect("{{.Id}}")).not.toBe(firstId);
  await page.getByRole("button", { name: "Show MODE" }).click();
  await expect(page.getByTestId("env")).toContainText("second");
  await expect(page.getByTestId("env")).toContainText("KEEP");
  const mounts = page.locator("section", { has: page.getByRole("heading", { name: "Mounts" }) });
  await expect(mounts).toContainText(VOLUME);
  await expect(mounts).toContainText("→ /data");
  await expect(page.locator("header").getByTestId("state")).toHaveText("running");
  expect(inspect("{{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}")).toBe(`${VOLUME}:/data`);
  expect(inspect("{{json .Config.Env}}")).toContain("MODE=second");
  await shootBothThemes(page, "container-detail");

  // Duplicate opens the same form, prefilled, under a new name.
  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(form.title()).toHaveText(`Duplicate ${NAME}`);
  await expect(form.field("Name")).toHaveValue(`${NAME}-copy`);
  expect(await form.envValue("MODE")).toBe("second");
  await expect(form.field("Mount 1 source")).toHaveValue(VOLUME);
});

const PULLED_REPO = `e2e-pull-${RUN}`;
const PULLED_IMAGE = `localhost:5000/${PULLED_REPO}:1`;
const PULLED_NAME = `e2e-pulled-${RUN}`;

test.describe("an image the host does not have", () => {
  test.beforeAll(() => {
    // A tag of this run's own in the local test registry, absent from the edge engine.
    docker("local", "tag", "local/idle:1", PULLED_IMAGE);
    docker("local", "push", "-q", PULLED_IMAGE);
    docker("local", "rmi", PULLED_IMAGE);
  });

  test.afterAll(async () => {
    if (docker("edge", "ps", "-aq", "--filter", `name=^/${PULLED_NAME}$`))
      docker("edge", "rm", "-f", PULLED_NAME);
    if (docker("edge", "images", "-q", PULLED_IMAGE)) docker("edge", "rmi", PULLED_IMAGE);
    // And the tag in the registry, by its digest.
    const manifest = `http://127.0.0.1:5000/v2/${PULLED_REPO}/manifests`;
    const head = await fetch(`${manifest}/1`, {
      method: "HEAD",
      headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
    });
    const digest = head.headers.get("docker-content-digest");
    if (digest) await fetch(`${manifest}/${digest}`, { method: "DELETE" });
  });

  test("is pulled from the form, then the container is created", async ({ page }) => {
    await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
    await page.goto("/hosts/edge/create");
    const form = new CreatePage(page);
    await form.importDockerRun(
      `docker run -d --network none --name ${PULLED_NAME} -l wharf.test=${RUN} ${PULLED_IMAGE}`,
    );
    await form.submit();
    const missing = page.getByTestId("image-missing");
    await expect(missing).toContainText(PULLED_IMAGE);
    await shootBothThemes(page, "create-image-missing");
    await missing.getByRole("button", { name: `Pull ${PULLED_IMAGE} and create` }).click();
    await expect(page).toHaveURL(/\/hosts\/edge\/containers\/[0-9a-f]{64}$/, { timeout: 30_000 });
    await expect(page.getByTestId("container-name")).toHaveText(PULLED_NAME);
    expect(docker("edge", "inspect", "-f", "{{.Config.Image}} {{.State.Running}}", PULLED_NAME)).toBe(
      `${PULLED_IMAGE} true`,
    );
  });
});
