import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { ContainerDetailPage, ContainersPage } from "./pages/ContainersPage";
import { LoginPage } from "./pages/LoginPage";

test("sign in, see hosts, restart with one click, and see CLI changes live", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const list = new ContainersPage(page);

  for (const id of ["local", "edge", "secure"]) {
    await expect(list.host(id)).toHaveAttribute("data-status", "up");
  }

  await list.openHost("local");
  const row = list.row("e2e-ticker");
  await expect(row.getByTestId("state")).toHaveText("running");

  // One click on the row restarts it; the engine's event refreshes the row on its own.
  const startedBefore = docker("local", "inspect", "-f", "{{.State.StartedAt}}", "e2e-ticker");
  await row.getByTestId("restart").click();
  await expect(page.getByTestId("toast-ok")).toContainText("restart: e2e-ticker");
  await expect
    .poll(() => docker("local", "inspect", "-f", "{{.State.StartedAt}}", "e2e-ticker"))
    .not.toBe(startedBefore);

  await row.getByRole("link", { name: "e2e-ticker", exact: true }).click();
  const detail = new ContainerDetailPage(page);
  await expect(page.getByTestId("container-name")).toHaveText("e2e-ticker");
  const shownBefore = await detail.startedAt().getAttribute("title");
  await detail.restart();
  await expect.poll(() => detail.startedAt().getAttribute("title")).not.toBe(shownBefore);
  const engineStarted = docker("local", "inspect", "-f", "{{.State.StartedAt}}", "e2e-ticker");
  await expect(detail.startedAt()).toHaveAttribute("title", engineStarted);

  // A container started from the CLI appears without a reload.
  await page.goto("/containers");
  await expect(page.getByTestId("container-table")).toBeVisible();
  const name = `e2e-cli-${Date.now().toString(36)}`;
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  docker("edge", "run", "-d", "--network", "none", "--name", name, "local/idle:1");
  await expect(list.row(name)).toBeVisible({ timeout: 2000 });
  await expect(list.row(name).getByTestId("state")).toHaveText("running");
  docker("edge", "rm", "-f", name);
  await expect(list.row(name)).toHaveCount(0, { timeout: 2000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
