import { expect, test, type Page } from "@playwright/test";
import { shoot, signedIn } from "./pages/session";
import { ensureSwarm, swarmCli } from "./swarm-cluster";

/**
 * A stack made in the editor for a swarm: planned and deployed as services, shown with its tasks,
 * and as the CLI's `docker stack services` sees it. The test engines share one kernel, so the stack's
 * internal overlay network can be joined on one node only: its tasks are placed on a labelled node.
 */
const RUN = Date.now().toString(36);
const NAME = `e2e-sst-${RUN}`;
const NODE_LABEL = `wharf-e2e-stacks-${RUN}`;
const CSRF = { "x-wharf-csrf": "1" };
const HOST = "e2e-swarm-stacks";
let node = "";

const COMPOSE = `services:
  api:
    image: local/busybox:1.35
    command: ["sleep", "100000"]
    stop_grace_period: 1s
    deploy:
      replicas: 2
      labels: { team: ops }
      placement: { constraints: ["node.labels.${NODE_LABEL}==yes"] }
networks:
  default: { internal: true }
`;

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const host = ensureSwarm();
  node = swarmCli(1, "info", "--format", "{{.Swarm.NodeID}}");
  swarmCli(1, "node", "update", "--label-add", `${NODE_LABEL}=yes`, node);
  const page = await signedIn(browser, "en-US");
  const res = await page.request.post("/api/v1/hosts", { headers: CSRF, data: { ...host, id: HOST } });
  expect([201, 409]).toContain(res.status());
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/v1/hosts/${HOST}`)).json()) as {
            swarm?: { manager?: boolean };
          }
        ).swarm?.manager,
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.context().close();
});

test.afterAll(async ({ browser }) => {
  try {
    swarmCli(1, "stack", "rm", NAME);
  } catch {
    // already down
  }
  if (node) swarmCli(1, "node", "update", "--label-rm", NODE_LABEL, node);
  const page = await signedIn(browser, "en-US");
  await page.request.delete(`/api/v1/hosts/${HOST}/stacks/${NAME}`, { headers: CSRF });
  await page.request.delete(`/api/v1/hosts/${HOST}`, { headers: CSRF });
  await page.context().close();
});

async function paste(page: Page, text: string): Promise<void> {
  const content = page.getByTestId("compose-editor").locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await content.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(content).toContainText("services:");
}

test("a stack made for the swarm deploys as services the CLI lists, and shows its tasks", async ({
  browser,
}) => {
  const page = await signedIn(browser, "en-US");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto("/stacks/new");
  await page.getByTestId("stack-host").selectOption(HOST);
  await page.getByTestId("stack-orchestrator").selectOption("swarm");
  await page.getByTestId("stack-name-input").fill(NAME);
  await paste(page, COMPOSE);
  await page.getByTestId("stack-plan-button").click();
  const step = page.getByTestId("plan-step-api").first();
  await expect(step).toHaveAttribute("data-action", "create");
  await expect(step).toContainText(`${NAME}_api`);
  await expect(page.getByTestId("plan-objects")).toContainText(`${NAME}_default`);
  // Stored as a swarm stack: the choice stays shown, fixed.
  await expect(page.getByTestId("stack-orchestrator")).toHaveValue("swarm");
  await expect(page.getByTestId("stack-plan").getByRole("columnheader").nth(2)).toHaveText("Swarm service");
  await shoot(page, "swarm-stack-plan-en");
  await page.getByTestId("stack-deploy-button").click();
  await expect(page.getByTestId("stack-job")).toHaveAttribute("data-state", "done", { timeout: 120_000 });
  await expect
    .poll(() => swarmCli(1, "stack", "services", NAME, "--format", "{{.Name}} {{.Replicas}}"), {
      timeout: 90_000,
    })
    .toBe(`${NAME}_api 2/2`);

  await page.goto(`/stacks/${HOST}/${NAME}`);
  await expect(page.getByTestId("stack-swarm").first()).toBeVisible();
  const row = page.getByTestId("service-api");
  await expect(row.getByTestId("replicas")).toHaveText("2 / 2", { timeout: 30_000 });
  await expect(row.getByTestId("swarm-service-link")).toContainText(`${NAME}_api`);
  await expect(page.getByTestId("stack-stop")).toHaveCount(0);
  await shoot(page, "swarm-stack-en");
  const zh = await signedIn(browser, "zh-CN");
  await zh.setViewportSize({ width: 1440, height: 1000 });
  await zh.goto(`/stacks/${HOST}/${NAME}`);
  await expect(zh.getByTestId("service-api").getByTestId("replicas")).toHaveText("2 / 2", {
    timeout: 30_000,
  });
  await shoot(zh, "swarm-stack-zh");
  await zh.context().close();

  await row.getByTestId("swarm-service-link").click();
  await expect(page).toHaveURL(new RegExp(`/hosts/${HOST}/swarm/services/`));
  // The tasks run on the node this host's engine is: each opens its container's page there.
  const links = page.getByTestId("task-container-link");
  await expect(links).toHaveCount(2, { timeout: 30_000 });
  const containerId = swarmCli(
    1,
    "ps",
    "-q",
    "--no-trunc",
    "--filter",
    `label=com.docker.swarm.service.name=${NAME}_api`,
  )
    .split("\n")
    .sort()[0];
  await page.locator(`a[href$="/containers/${containerId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/hosts/${HOST}/containers/${containerId}`));
  await expect(page.getByText(`${NAME}_api.`).first()).toBeVisible();
  await page.context().close();
});
