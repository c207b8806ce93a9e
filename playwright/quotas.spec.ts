import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { LoginPage } from "./pages/LoginPage";

const MiB = 1024 * 1024;

test("change the ticker's memory limit in the quota view, then read its namespaces", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await page.goto("/hosts/local/quotas");
  const row = page.getByTestId("quota-row-e2e-ticker");
  await expect(row).toBeVisible();
  await expect(page.getByTestId("quota-summary-local")).toBeVisible();

  // Edit in place, in human units; a bad value is refused before any call.
  const memory = row.getByTestId("limit-memory");
  await memory.getByRole("button").click();
  await row.getByLabel("Memory", { exact: true }).fill("1m");
  await row.getByLabel("Memory", { exact: true }).press("Enter");
  await expect(row.getByRole("alert")).toContainText("memory: must be at least 6 MiB");
  await row.getByLabel("Memory", { exact: true }).fill("96m");
  await row.getByLabel("Memory", { exact: true }).press("Enter");
  await expect(memory.getByRole("button")).toHaveText("96m");
  expect(docker("local", "inspect", "-f", "{{.HostConfig.Memory}}", "e2e-ticker")).toBe(String(96 * MiB));

  // Live usage against the new limit, from the shared stats stream.
  await expect(memory.getByTestId("usage-bar")).toBeVisible({ timeout: 15_000 });
  await expect(memory.getByTestId("usage-bar")).toHaveAttribute("data-tone", /ok|warn|bad/);

  await row.getByRole("link", { name: "e2e-ticker" }).click();
  await page.getByRole("tab", { name: /namespaces/i }).click();
  await expect(page.getByTestId("ns-mode-pid")).toHaveText("default");
  await expect(page.getByTestId("ns-mode-network")).toHaveText("none");
  await expect(page.getByTestId("ns-processes")).toContainText("/bin/ticker");
  await expect(page.getByTestId("ns-identities")).toContainText("isolated");
});
