import { expect, test, type Page } from "@playwright/test";
import { shoot, signedIn } from "./pages/session";
import { ensureSwarm, swarmCli } from "./swarm-cluster";

const RUN = Date.now().toString(36);
const SERVICE = `e2e-svc-${RUN}`;
const LABEL = `wharf.test=${RUN}`;
const CONFIG = `e2e-cfg-${RUN}`;
const SECRET = `e2e-secret-${RUN}`;
const SECRET_VALUE = `never-shown-${RUN}`;
const GLOBAL = `e2e-global-${RUN}`;
const CSRF = { "x-wharf-csrf": "1" };
let hostId = "";
/** The node this spec drains: the second manager, so the host's own engine keeps answering. */
let drained = "";

test.describe.configure({ mode: "serial", timeout: 360_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const host = ensureSwarm();
  hostId = host.id;
  drained = swarmCli(2, "info", "--format", "{{.Swarm.NodeID}}");
  const page = await signedIn(browser, "en-US");
  const res = await page.request.post("/api/v1/hosts", { headers: CSRF, data: host });
  expect([201, 409]).toContain(res.status());
  // The host's swarm field comes from its /info, read when the host comes up.
  await expect
    .poll(
      async () => {
        const r = await page.request.get(`/api/v1/hosts/${hostId}`);
        return ((await r.json()) as { swarm?: { manager?: boolean } }).swarm?.manager;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.context().close();
});

test.afterAll(async ({ browser }) => {
  // What this file made, should a step fail before its own cleanup: its services, configs and
  // secrets by label, the node
  // back to active, and the host it added.
  // Each step on its own, so one that fails (the cluster gone) does not keep the host behind.
  const quietly = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      console.warn(`swarm cleanup: ${String(e)}`);
    }
  };
  for (const kind of ["service", "config", "secret"])
    quietly(() => {
      const left = swarmCli(1, kind, "ls", "-q", "--filter", `label=${LABEL}`);
      if (left) swarmCli(1, kind, "rm", ...left.split("\n"));
    });
  if (drained) quietly(() => swarmCli(1, "node", "update", "--availability", "active", drained));
  const page = await signedIn(browser, "en-US");
  await page.request.delete(`/api/v1/hosts/${hostId}`, { headers: CSRF });
  await page.context().close();
});

const row = (page: Page) => page.getByTestId(`service-${SERVICE}`);
const runningOnDrained = () =>
  swarmCli(1, "node", "ps", drained, "--filter", "desired-state=running", "-q").split("\n").filter(Boolean)
    .length;

test("a swarm service: create, scale, roll out an update live, drain a node, remove", async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  await page.goto(`/hosts/${hostId}`);
  await page.getByTestId(`host-swarm-${hostId}`).click();
  await expect(page).toHaveURL(new RegExp(`/hosts/${hostId}/swarm$`));
  await expect(page.getByTestId("swarm-size")).toContainText("3 nodes, 3 managers");

  // Create: one replica, a command, a label for cleanup; no ports, no networks.
  await page.getByRole("button", { name: "New service" }).click();
  const dialog = page.getByRole("dialog");
  // The server's own reason beside the field it names.
  await dialog.locator('input[name="name"]').fill("-bad");
  await dialog.locator('input[name="image"]').fill("local/busybox:1.35");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByTestId("field-error")).toContainText("must start with a letter or digit");
  await shoot(page, "swarm-create-dialog");
  await dialog.locator('input[name="name"]').fill(SERVICE);
  await dialog.locator('input[name="command"]').fill("sleep 3600");
  await dialog.locator('textarea[name="labels"]').fill(LABEL);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  // A node first tries the image's registry (unreachable here) before it uses its own copy: under
  // load that lookup alone can take tens of seconds.
  await expect(row(page).getByTestId("replicas-text")).toHaveText("1/1", { timeout: 90_000 });
  expect(swarmCli(1, "service", "inspect", SERVICE, "--format", "{{.Spec.Labels}}")).toContain(
    `wharf.test:${RUN}`,
  );

  // Scale to 4: the list follows the engine's events to 4/4.
  await row(page).getByTestId("scale-input").fill("4");
  await row(page).getByTestId("scale-apply").click();
  await expect(row(page).getByTestId("replicas-text")).toHaveText("4/4", { timeout: 90_000 });
  await shoot(page, "swarm-services");

  // A rolling update, two tasks at a time, followed live on the service's page.
  await row(page).getByRole("link", { name: SERVICE }).click();
  await expect(page.getByTestId("service-name")).toHaveText(SERVICE);
  await expect(page.getByTestId("transitions-empty")).toBeVisible();
  const form = page.getByTestId("update-form");
  await form.locator('textarea[name="env"]').fill(`E2E_ROUND=${RUN}`);
  await form.locator('input[name="parallelism"]').fill("2");
  await form.getByRole("button", { name: "Start update" }).click();
  await expect(page.getByTestId("transition").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("rollout")).toHaveAttribute("data-done", "false");
  await shoot(page, "swarm-rollout-live");
  await expect(page.getByTestId("rollout")).toHaveAttribute("data-done", "true", { timeout: 120_000 });
  await expect(page.getByTestId("rollout-text")).toHaveText("Done: 4 tasks updated");
  // Old tasks shut down and new ones ran, as the server saw them.
  await expect(page.locator('[data-testid="transition"][data-to="running"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="transition"][data-to="shutdown"]').first()).toBeVisible();
  expect(
    swarmCli(1, "service", "inspect", SERVICE, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}}"),
  ).toContain(`E2E_ROUND=${RUN}`);
  await expect(page.getByTestId("update-config").getByTestId("kv-parallelism")).toHaveText("2");
  await shoot(page, "swarm-service-detail");

  // Drain a node: its tasks move to the others, and the service stays whole.
  await page.getByRole("link", { name: "Nodes" }).click();
  const node = page.getByTestId(`node-${drained}`);
  await expect(node).toContainText("127.0.0.12");
  await shoot(page, "swarm-nodes");
  await node.getByTestId("node-drain").click();
  await expect(node).toHaveAttribute("data-availability", "drain");
  await expect.poll(runningOnDrained, { timeout: 60_000 }).toBe(0);
  await expect(node.getByTestId("node-tasks")).toHaveText("0", { timeout: 30_000 });
  await shoot(page, "swarm-nodes-drained");
  await node.getByTestId("node-active").click();
  await expect(node).toHaveAttribute("data-availability", "active");
  expect(swarmCli(1, "node", "inspect", drained, "--format", "{{.Spec.Availability}}")).toBe("active");

  // The same pages in Chinese.
  const zh = await signedIn(browser, "zh-CN");
  await zh.goto(`/hosts/${hostId}/swarm`);
  await expect(zh.getByTestId(`service-${SERVICE}`).getByTestId("replicas-text")).toHaveText("4/4", {
    timeout: 60_000,
  });
  await shoot(zh, "swarm-services-zh");
  await zh.getByTestId(`service-${SERVICE}`).getByRole("link", { name: SERVICE }).click();
  await expect(zh.getByTestId("rollout")).toHaveAttribute("data-done", "true");
  await shoot(zh, "swarm-service-detail-zh");
  await zh.goto(`/hosts/${hostId}/swarm/nodes`);
  await expect(zh.getByTestId("node-table")).toBeVisible();
  await shoot(zh, "swarm-nodes-zh");
  await zh.context().close();

  // Remove: confirmed, gone from the list and from the engine.
  await page.getByRole("link", { name: "Services" }).click();
  await row(page)
    .getByRole("button", { name: `Remove ${SERVICE}` })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(row(page)).toHaveCount(0);
  expect(swarmCli(1, "service", "ls", "-q", "--filter", `name=${SERVICE}`)).toBe("");
  await page.context().close();
});

test("configs and secrets: create, list without a secret's value anywhere, remove", async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  await page.goto(`/hosts/${hostId}/swarm`);
  await page.getByRole("link", { name: "Configs" }).click();
  await page.getByRole("button", { name: "New config" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.locator('input[name="name"]').fill(CONFIG);
  await dialog.locator('textarea[name="data"]').fill("listen 8080;\n");
  await dialog.locator('textarea[name="labels"]').fill(LABEL);
  await shoot(page, "swarm-config-create");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`object-${CONFIG}`)).toContainText(`wharf.test=${RUN}`);
  expect(swarmCli(1, "config", "inspect", CONFIG, "--format", '{{printf "%s" .Spec.Data}}')).toBe(
    "listen 8080;",
  );
  await shoot(page, "swarm-configs");

  await page.getByRole("link", { name: "Secrets" }).click();
  await shoot(page, "swarm-secrets-before");
  await page.getByRole("button", { name: "New secret" }).click();
  dialog = page.getByRole("dialog");
  await dialog.locator('input[name="name"]').fill(SECRET);
  await expect(dialog.locator('input[name="value"]')).toHaveAttribute("type", "password");
  await dialog.locator('input[name="value"]').fill(SECRET_VALUE);
  await dialog.locator('textarea[name="labels"]').fill(LABEL);
  await shoot(page, "swarm-secret-create");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`object-${SECRET}`)).toBeVisible();
  // Write-only: not on the page, in its address or in the list's answer.
  expect(await page.content()).not.toContain(SECRET_VALUE);
  expect(page.url()).not.toContain(SECRET_VALUE);
  expect(await (await page.request.get(`/api/v1/hosts/${hostId}/swarm/secrets`)).text()).not.toContain(
    SECRET_VALUE,
  );
  await shoot(page, "swarm-secrets");

  const zh = await signedIn(browser, "zh-CN");
  await zh.goto(`/hosts/${hostId}/swarm/configs`);
  await expect(zh.getByTestId(`object-${CONFIG}`)).toBeVisible();
  await shoot(zh, "swarm-configs-zh");
  await zh.goto(`/hosts/${hostId}/swarm/secrets`);
  await expect(zh.getByTestId(`object-${SECRET}`)).toBeVisible();
  await shoot(zh, "swarm-secrets-zh");
  await zh.getByRole("button", { name: "新建密钥" }).click();
  await shoot(zh, "swarm-secret-create-zh");
  await zh.context().close();

  for (const [tab, name, kind] of [
    ["Configs", CONFIG, "config"],
    ["Secrets", SECRET, "secret"],
  ] as const) {
    await page.getByRole("link", { name: tab }).click();
    await page.getByRole("button", { name: `Remove ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId(`object-${name}`)).toHaveCount(0);
    expect(swarmCli(1, kind, "ls", "-q", "--filter", `name=${name}`)).toBe("");
  }
  await page.context().close();
});

test("removing a running node is explained, not forced, and the engine's refusal shown", async ({
  browser,
}) => {
  for (const locale of ["en-US", "zh-CN"] as const) {
    const page = await signedIn(browser, locale);
    await page.goto(`/hosts/${hostId}/swarm/nodes`);
    await page.getByTestId(`node-${drained}`).getByTestId("node-remove").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("node-remove-running")).toBeVisible();
    await expect(dialog.getByTestId("node-remove-force")).toHaveCount(0);
    // A manager that is up: the engine says no, and nothing is removed.
    await dialog.locator('button[type="submit"]').click();
    await expect(dialog.getByTestId("error-original")).toContainText(/demoted|not down/);
    await shoot(page, locale === "en-US" ? "swarm-node-remove" : "swarm-node-remove-zh");
    await page.context().close();
  }
  expect(swarmCli(1, "node", "inspect", drained, "--format", "{{.Status.State}}")).toBe("ready");
});

test("a global service runs one task on every node", async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  await page.goto(`/hosts/${hostId}/swarm`);
  await page.getByRole("button", { name: "New service" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator('input[name="name"]').fill(GLOBAL);
  await dialog.locator('input[name="image"]').fill("local/busybox:1.35");
  await dialog.locator('input[name="command"]').fill("sleep 3600");
  await dialog.getByTestId("service-mode").selectOption("global");
  await expect(dialog.locator('input[name="replicas"]')).toHaveCount(0);
  await dialog.locator('textarea[name="labels"]').fill(LABEL);
  await shoot(page, "swarm-create-global");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const globalRow = page.getByTestId(`service-${GLOBAL}`);
  await expect(globalRow).toContainText("global");
  await expect(globalRow.getByTestId("replicas-text")).toHaveText("3/3", { timeout: 90_000 });
  const tasks = swarmCli(1, "service", "ps", GLOBAL, "-q", "--filter", "desired-state=running").split("\n");
  const nodes = swarmCli(1, "inspect", "--format", "{{.NodeID}}", ...tasks).split("\n");
  expect(new Set(nodes).size).toBe(3);
  await globalRow.getByRole("link", { name: GLOBAL }).click();
  await expect(page.locator('[data-testid="task-row"][data-current="true"]')).toHaveCount(3);
  swarmCli(1, "service", "rm", GLOBAL);
  await page.context().close();
});
