import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { ContainersPage } from "./pages/ContainersPage";
import { LoginPage } from "./pages/LoginPage";

const CONTAINER = "e2e-ticker";

/**
 * What the terminal session runs in the container: its shell (busybox has no bash, so the automatic
 * choice is a bare `sh`) and the job it was given. The ticker's own processes never match.
 */
function sessionProcesses(): string[] {
  return docker("local", "top", CONTAINER, "-o", "pid,args")
    .split("\n")
    .slice(1)
    .map((l) => l.trim().replace(/^\d+\s+/, ""))
    .filter((args) => args === "sh" || args.includes("sleep 4242"));
}

test("run a command in the terminal, and leave no process behind when the tab closes", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const list = new ContainersPage(page);
  await list.openHost("local");
  await list.row(CONTAINER).getByTestId("open-terminal").click();
  await expect(page.getByRole("tab", { name: "terminal" })).toHaveAttribute("aria-selected", "true");

  const status = page.getByTestId("terminal-status");
  await expect(status).toContainText("Connected");
  const terminal = page.getByTestId("terminal");
  await terminal.click();
  await page.keyboard.type("echo wharf-$((6*7)); sleep 4242 &");
  await page.keyboard.press("Enter");
  // The typed line shows `$((6*7))`; only the shell's output says 42.
  await expect(terminal.locator(".xterm-rows")).toContainText("wharf-42");
  await expect.poll(sessionProcesses).toContain("sleep 4242");

  await page.close();
  await expect.poll(sessionProcesses, { timeout: 5000 }).toEqual([]);
  await context.close();
});

test("Disconnect ends the session in the container, and Reconnect starts a new one", async ({ page }) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await page.goto(`/hosts/local/containers/${CONTAINER}?tab=terminal`);
  const status = page.getByTestId("terminal-status");
  await expect(status).toContainText("Connected");
  await expect.poll(sessionProcesses).toContain("sh");

  await page.getByTestId("terminal-disconnect").click();
  await expect(status).toContainText("Ended");
  await expect(page.getByTestId("terminal-connect")).toHaveText("Reconnect");
  await expect.poll(sessionProcesses, { timeout: 5000 }).toEqual([]);

  await page.getByTestId("terminal-connect").click();
  await expect(status).toContainText("Connected");
  await page.getByTestId("terminal").click();
  await page.keyboard.type("echo again-$((2+3))");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("terminal").locator(".xterm-rows")).toContainText("again-5");
});

test("says so when the container is not running", async ({ page }) => {
  const name = `e2e-stopped-${Date.now().toString(36)}`;
  docker("local", "create", "--network", "none", "--name", name, "local/idle:1");
  try {
    await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
    await page.goto(`/hosts/local/containers/${name}?tab=terminal`);
    await expect(page.getByTestId("terminal-error")).toContainText("not running");
  } finally {
    docker("local", "rm", "-f", name);
  }
});
