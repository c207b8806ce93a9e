import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { AdminUsersPage } from "./pages/AdminUsersPage";
import { AuditPage } from "./pages/AuditPage";
import { ContainersPage } from "./pages/ContainersPage";
import { LoginPage } from "./pages/LoginPage";
import { Sidebar } from "./pages/Sidebar";

test("an admin creates a viewer, who can look but not act, and the audit log shows both", async ({
  page,
}) => {
  const viewer = `e2e-viewer-${Date.now().toString(36)}`;
  const viewerPassword = "viewer-password-e2e";
  const shell = new Sidebar(page);

  // (a) The admin creates a viewer on Admin → Users, and the audit log records it.
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await expect(shell.whoami()).toContainText("(admin)");
  // What the viewer must not get, seen first as admin: restart and shell on the row.
  const list = new ContainersPage(page);
  await list.openHost("local");
  await expect(list.row("e2e-ticker").getByTestId("restart")).toBeVisible();
  await expect(list.row("e2e-ticker").getByTestId("open-terminal")).toBeVisible();
  await shell.openAdmin("Users");
  const users = new AdminUsersPage(page);
  await users.create(viewer, viewerPassword, "viewer");
  await expect(users.row(viewer).getByLabel(`Role of ${viewer}`)).toHaveValue("viewer");
  await expect(users.row(viewer).getByTestId("scope")).toHaveText("all hosts");
  await expect(users.row(viewer).getByTestId("user-state")).toHaveText("active");

  await shell.openAdmin("Audit log");
  const audit = new AuditPage(page);
  await audit.filter({ action: "user.create" });
  const created = audit.entry("user.create", viewer);
  await expect(created).toHaveCount(1);
  await expect(created).toContainText("admin");
  await expect(created.getByTestId("result")).toHaveText("ok");
  // The password the admin typed is never in the log.
  await created.getByRole("button", { name: /parameters of user\.create/ }).click();
  await expect(page.locator("pre").filter({ hasText: viewer })).toContainText("[redacted]");
  await expect(page.locator("pre").filter({ hasText: viewer })).not.toContainText(viewerPassword);
  // Export CSV carries the same filters.
  const csvHref = await audit.csvLink().getAttribute("href");
  expect(csvHref).toMatch(/action=user\.create/);
  expect(csvHref).toMatch(/format=csv/);
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(viewer);

  await shell.signOut();

  // (b) The viewer sees the host and its containers, with no admin section and no way to act.
  await new LoginPage(page).signIn(viewer, viewerPassword);
  await expect(shell.whoami()).toContainText("(viewer)");
  await expect(shell.adminNav()).toHaveCount(0);
  await list.openHost("local");
  const row = list.row("e2e-ticker");
  await expect(row.getByTestId("state")).toHaveText("running");
  await expect(row.getByRole("link", { name: "Open e2e-ticker" })).toBeVisible();
  await expect(row.getByTestId("restart")).toHaveCount(0);
  await expect(page.getByTestId("restart")).toHaveCount(0);
  await expect(row.getByTestId("open-terminal")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /shell|terminal/i })).toHaveCount(0);
  // The detail page has no terminal tab and no restart either.
  await row.getByRole("link", { name: "Open e2e-ticker" }).click();
  await expect(page.getByTestId("container-name")).toHaveText("e2e-ticker");
  await expect(page.getByRole("tab", { name: "stats" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "terminal" })).toHaveCount(0);
  await expect(page.getByTestId("action-restart")).toHaveCount(0);

  // (c) Forcing the call from the viewer's page: 403, and the container is untouched.
  const startedBefore = docker("local", "inspect", "-f", "{{.State.StartedAt}}", "e2e-ticker");
  const forced = await page.evaluate(async () => {
    const res = await fetch("/api/v1/hosts/local/containers/e2e-ticker/restart", {
      method: "POST",
      headers: { "x-wharf-csrf": "1" },
    });
    return { status: res.status, body: (await res.json()) as { error?: { code?: string } } };
  });
  expect(forced.status).toBe(403);
  expect(forced.body.error?.code).toBe("FORBIDDEN");
  expect(docker("local", "inspect", "-f", "{{.State.StartedAt}}", "e2e-ticker")).toBe(startedBefore);

  // Admin pages answer a viewer plainly, and their API answers 403.
  await page.goto("/admin/users");
  await expect(page.getByTestId("state-error")).toContainText("Admins only");
  expect(await page.evaluate(async () => (await fetch("/api/v1/users")).status)).toBe(403);

  await shell.signOut();

  // (d) Back as admin: the refused restart is in the log, under the viewer's name.
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  await shell.openAdmin("Audit log");
  await audit.filter({ user: viewer, action: "container." });
  const refused = audit.rows().filter({ hasText: "e2e-ticker" });
  await expect(refused.first()).toBeVisible();
  await expect(refused.first().getByTestId("result")).toHaveText("error");
  await expect(refused.first()).toContainText("FORBIDDEN");
});

test("a host-scoped admin grants only its own hosts: the form starts there and the rest is out of reach", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const edgeAdmin = `e2e-edge-admin-${run}`;
  const made = `e2e-edge-ops-${run}`;
  const shell = new Sidebar(page);
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const res = await page.request.post("/api/v1/users", {
    headers: { "x-wharf-csrf": "1" },
    data: { username: edgeAdmin, password: "edge-admin-password", role: "admin", hosts: ["edge"] },
  });
  expect(res.status(), await res.text()).toBe(201);
  await shell.signOut();

  await new LoginPage(page).signIn(edgeAdmin, "edge-admin-password");
  await shell.openAdmin("Users");
  const form = page.getByTestId("user-create");
  const hosts = form.getByTestId("scope-hosts");
  await expect(hosts.getByRole("radio", { name: /All hosts/ })).toBeDisabled();
  await expect(hosts.getByRole("radio", { name: "Only these hosts" })).toBeChecked();
  await expect(hosts.getByRole("checkbox", { name: "edge" })).toBeChecked();
  await expect(hosts.getByRole("checkbox", { name: "local" })).toHaveCount(0);
  // Only users inside its scope are listed: not the built-in admin.
  await expect(page.getByTestId("user-admin")).toHaveCount(0);
  const users = new AdminUsersPage(page);
  await users.create(made, "edge-ops-password", "operator");
  await expect(users.row(made).getByTestId("scope")).toHaveText("edge");
  await shoot(page, "admin-users-host-scoped");
  // Hosts are every team's: the scoped admin sees them, with no way to add or remove one.
  await shell.openAdmin("Hosts");
  await expect(page.getByTestId("host-create").getByTestId("fleet-only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await shoot(page, "admin-hosts-host-scoped");
});

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.WHARF_SHOTS_DIR ?? "test-results/shots";
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `${dir}/${name}-${theme}.png` });
  }
}
