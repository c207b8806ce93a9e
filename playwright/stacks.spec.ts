import { mkdirSync } from "node:fs";
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from "@playwright/test";
import { catalog } from "./catalog";
import { E2E_ADMIN_PASSWORD, docker } from "./engines";
import { LoginPage } from "./pages/LoginPage";

const RUN = Date.now().toString(36);
const NAME = `e2e-st-${RUN}`;
/** A project "made elsewhere": one container with compose's labels, started with the docker CLI. */
const CLI = `e2e-cli-${RUN}`;
const SHOTS = process.env.WHARF_SHOTS_DIR ?? "test-results/shots";
const CSRF = { "x-wharf-csrf": "1" };
const en = catalog("en");

/**
 * Two services of an idle image on the stack's own internal network: the containers send nothing to
 * each other or to any address. `level` is the one value the test changes, in `api` only.
 */
const composeOf = (level: string) => `services:
  db:
    image: local/idle:1
    environment:
      ROLE: db
    healthcheck:
      test: ["CMD", "true"]
      interval: 1s
  api:
    image: local/idle:1
    environment:
      ROLE: api
      LEVEL: "${level}"
    depends_on:
      - db
networks:
  default:
    internal: true
`;

/** The stack pages of the UI: the list, a stack, and the editor. */
class StackPages {
  constructor(readonly page: Page) {}

  /** Replaces an editor's text the way a paste does: select all, then a paste event with the text. */
  async paste(editor: "compose-editor" | "env-editor", text: string): Promise<void> {
    const content = this.page.getByTestId(editor).locator(".cm-content");
    await content.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await content.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(content).toContainText(text.split("\n")[0] ?? "");
  }

  plan(): Locator {
    return this.page.getByTestId("editor-plan");
  }

  step(service: string): Locator {
    return this.page.getByTestId(`plan-step-${service}`).first();
  }

  /** Waits for a stack job other than `previous` to end, and says how it ended. */
  async jobEnd(previous?: string | null): Promise<string | null> {
    const job = this.page.getByTestId("stack-job");
    await expect
      .poll(
        async () =>
          (await job.getAttribute("data-job")) !== previous ? await job.getAttribute("data-state") : "old",
        {
          timeout: 120_000,
        },
      )
      .toMatch(/^(done|error|cancelled)$/);
    return job.getAttribute("data-state");
  }

  async jobId(): Promise<string | null> {
    const job = this.page.getByTestId("stack-job");
    return (await job.count()) ? job.getAttribute("data-job") : null;
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
}

/** A browser in `locale`, signed in as the admin through the API, with room for a plan under the editor. */
async function signedIn(browser: Browser, locale: "en-US" | "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const res = await page.request.post("/api/v1/auth/login", {
    headers: CSRF,
    data: { username: "admin", password: E2E_ADMIN_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return page;
}

/** The env of a service's container, as the engine has it. */
function envOf(service: string): string[] {
  const out = docker("local", "inspect", "-f", "{{json .Config.Env}}", `${NAME}-${service}-1`);
  return JSON.parse(out) as string[];
}

function startedAt(service: string): string {
  return docker("local", "inspect", "-f", "{{.Id}} {{.State.StartedAt}}", `${NAME}-${service}-1`);
}

function containersOf(project: string): string[] {
  return docker("local", "ps", "-aq", "--filter", `label=com.docker.compose.project=${project}`)
    .split("\n")
    .filter(Boolean);
}

/** Everything the test made, whatever step it stopped at: containers, network, and Wharf's record. */
async function cleanUp(request: APIRequestContext): Promise<void> {
  for (const project of [NAME, CLI]) {
    const ids = containersOf(project);
    if (ids.length) docker("local", "rm", "-f", ...ids);
    const network = `${project}_default`;
    if (docker("local", "network", "ls", "-q", "--filter", `name=^${network}$`))
      docker("local", "network", "rm", network);
    await request.delete(`/api/v1/hosts/local/stacks/${project}`, { headers: CSRF });
  }
}

test.describe.configure({ mode: "serial" });

test.afterAll(async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  await cleanUp(page.request);
  await page.context().close();
});

test("a stack's life: paste, plan, deploy, change one service, redeploy, roll back, down", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const ui = new StackPages(page);
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);

  await test.step("the list offers a new stack", async () => {
    await page.getByRole("link", { name: en.hosts.nav.global.stacks, exact: true }).click();
    await expect(page).toHaveURL(/\/stacks$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.stacks.list.title);
    await page.getByTestId("new-stack").first().click();
    await expect(page).toHaveURL(/\/stacks\/new$/);
  });

  await test.step("the editor completes service keys and marks the server's findings at their line", async () => {
    await page.getByTestId("stack-host").selectOption("local");
    await page.getByTestId("stack-name-input").fill(NAME);
    await ui.paste("compose-editor", "services:\n  db:\n    image: local/idle:1\n    env");
    await page.keyboard.press("Control+Space");
    const options = page.locator(".cm-tooltip-autocomplete li");
    await expect(options.filter({ hasText: /^environment$/ })).toHaveCount(1);
    await expect(options.filter({ hasText: /^env_file$/ })).toHaveCount(1);
    await expect(options.filter({ hasText: /^image$/ })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await ui.paste("compose-editor", "services:\n  db:\n    image: local/idle:1\n    restart: ");
    await page.keyboard.press("Control+Space");
    await expect(options.filter({ hasText: /^unless-stopped$/ })).toHaveCount(1);
    await expect(options.filter({ hasText: /^environment$/ })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await ui.paste("compose-editor", "services:\n  db:\n    image: local/idle:1\n    restart: sometimes\n");
    await page.getByTestId("stack-plan-button").click();
    const issue = page.getByTestId("stack-issue").first();
    await expect(issue).toContainText("services.db.restart");
    await expect(issue.getByRole("button")).toHaveText(/^line 4:/);
    await expect(page.getByTestId("compose-editor").locator(".cm-lintRange-error")).toHaveCount(1);
    await shoot(page, "stacks-editor-issues-en");
    const stored = await page.request.get(`/api/v1/hosts/local/stacks/${NAME}`);
    expect(stored.status()).toBe(404);
  });

  await test.step("a pasted file is planned: both services created, on a new network, nothing deployed", async () => {
    await page.getByTestId("stack-message").fill("first version");
    await ui.paste("compose-editor", composeOf("one"));
    await page.getByTestId("stack-plan-button").click();
    await expect(ui.plan()).toBeVisible();
    await expect(ui.step("db")).toHaveAttribute("data-action", "create");
    await expect(ui.step("api")).toHaveAttribute("data-action", "create");
    await expect(page.getByTestId("plan-objects")).toContainText(`${NAME}_default`);
    await expect(page.getByTestId("stack-saved")).toContainText("1");
    expect(containersOf(NAME)).toEqual([]);
  });

  await test.step("deploying shows each service's progress until it is done", async () => {
    await page.getByTestId("stack-deploy-button").click();
    await expect(page.getByTestId("stack-job")).toBeVisible();
    await expect(page.getByTestId("stack-job-services")).toBeVisible();
    expect(await ui.jobEnd(null)).toBe("done");
    await expect(page.getByTestId("stack-job").getByRole("progressbar")).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    await expect(page.getByTestId("job-service-db")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("job-service-api")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("stack-job-count")).toHaveText("2/2 services");
    expect(envOf("api")).toContain("LEVEL=one");
    await shoot(page, "stacks-editor-deployed-en");
  });

  await test.step("a changed environment recreates only that service", async () => {
    const before = await ui.jobId();
    await ui.paste("compose-editor", composeOf("two"));
    await expect(page.getByTestId("stack-saved")).toContainText(en.stacks.editor.unsaved.split("{")[0] ?? "");
    await page.getByTestId("stack-plan-button").click();
    await expect(ui.plan()).toContainText(en.stacks.editor.planTitle.replace("{revision}", "2"));
    await expect(ui.step("api")).toHaveAttribute("data-action", "recreate");
    await expect(ui.step("db")).toHaveAttribute("data-action", "keep");
    await expect(page.locator('[data-testid^="plan-step-"][data-action="recreate"]')).toHaveCount(1);
    await shoot(page, "stacks-editor-plan-en");
    const dbStarted = startedAt("db");
    await page.getByTestId("stack-deploy-button").click();
    expect(await ui.jobEnd(before)).toBe("done");
    // The kept service's container is the same one, never restarted.
    expect(startedAt("db")).toBe(dbStarted);
    expect(envOf("api")).toContain("LEVEL=two");
  });

  await test.step("screenshots in Chinese while the stack runs", async () => {
    const zh = await signedIn(browser, "zh-CN");
    await zh.goto("/stacks");
    await expect(zh.getByTestId(`stack-row-local-${NAME}`)).toBeVisible();
    await shoot(zh, "stacks-list-zh-CN");
    await zh.goto(`/stacks/local/${NAME}`);
    await expect(zh.getByTestId("stack-revisions")).toBeVisible();
    await shoot(zh, "stacks-stack-zh-CN");
    await zh.goto(`/stacks/local/${NAME}/edit`);
    await expect(zh.getByTestId("compose-editor").locator(".cm-content")).toContainText("services:");
    await zh.getByTestId("stack-plan-button").click();
    await expect(zh.getByTestId("editor-plan")).toBeVisible();
    await shoot(zh, "stacks-editor-plan-zh-CN");
    await zh.context().close();
  });

  await test.step("the stack's page lists services, containers and both revisions", async () => {
    await page.getByTestId("open-stack").click();
    await expect(page).toHaveURL(new RegExp(`/stacks/local/${NAME}$`));
    await expect(page.getByTestId("stack-state")).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("service-api").getByTestId("replicas")).toHaveText("1 / 1");
    await expect(page.getByTestId(`container-${NAME}-api-1`).getByRole("link")).toHaveAttribute(
      "href",
      /\/hosts\/local\/containers\//,
    );
    await expect(page.getByTestId("stack-logs")).toHaveAttribute("href", /\/logs\?c=local%2F/);
    await expect(page.getByTestId("revision-2")).toHaveAttribute("data-live", "true");
    await expect(page.getByTestId("revision-1")).toHaveAttribute("data-live", "false");
    await shoot(page, "stacks-stack-en");
    await page.goto("/stacks");
    await expect(page.getByTestId(`stack-row-local-${NAME}`)).toContainText("2/2");
    await shoot(page, "stacks-list-en");
    // Keyboard: "/" filters, Escape leaves the box, j focuses the first row, Enter opens it.
    await page.keyboard.press("/");
    await page.keyboard.type(NAME);
    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    await expect(page.getByTestId(`stack-row-local-${NAME}`)).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/stacks/local/${NAME}$`));
  });

  await test.step("the stack's page sums each service's live CPU and memory", async () => {
    await page.goto(`/stacks/local/${NAME}`);
    await expect(page.getByTestId("service-api").getByTestId("service-cpu")).toHaveText(/\d %$/, {
      timeout: 30_000,
    });
    await expect(page.getByTestId("service-api").getByTestId("service-mem")).toHaveText(/\d/);
    // The service's container shows its health beside its state.
    await expect(page.getByTestId(`container-${NAME}-db-1`)).toContainText(en.ui.health.healthy);
  });

  await test.step("the container list names each container's stack, and offers that stack's actions when filtered to it", async () => {
    await page.goto("/hosts/local");
    const row = page.locator("tr", { hasText: `${NAME}-api-1` });
    await expect(row.getByTestId("stack-chip")).toHaveAttribute("href", `/stacks/local/${NAME}`);
    await expect(page.getByTestId("container-stack-bar")).toHaveCount(0);
    await page.keyboard.press("/");
    await page.keyboard.type(NAME);
    const bar = page.getByTestId("container-stack-bar");
    await expect(bar).toContainText(NAME);
    await expect(bar).toContainText("2 containers");
    await shoot(page, "stacks-container-bar-en");
    const apiStarted = startedAt("api");
    await bar.getByTestId("stack-bar-restart").click();
    expect(await ui.jobEnd(null)).toBe("done");
    expect(startedAt("api")).not.toBe(apiStarted);
    await row.getByTestId("stack-chip").click();
    await expect(page).toHaveURL(new RegExp(`/stacks/local/${NAME}$`));
  });

  await test.step("revision 1 differs from the current file in one line", async () => {
    await page.getByTestId("revision-1").getByTestId("revision-diff").click();
    const dialog = page.getByTestId("diff-dialog");
    await expect(dialog.getByTestId("diff-compose").locator('[data-kind="del"]')).toHaveText([
      /LEVEL: "one"/,
    ]);
    await expect(dialog.getByTestId("diff-compose").locator('[data-kind="add"]')).toHaveText([
      /LEVEL: "two"/,
    ]);
    await expect(dialog.getByTestId("diff-env")).toHaveAttribute("data-same", "true");
    await shoot(page, "stacks-diff-en");
    await dialog.getByRole("button", { name: en.stacks.diff.close }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("rolling back to revision 1 shows its plan, then deploys it", async () => {
    await page.getByTestId("revision-1").getByTestId("revision-deploy").click();
    const dialog = page.getByTestId("deploy-dialog");
    await expect(dialog.getByTestId("plan-step-api").first()).toHaveAttribute("data-action", "recreate");
    await expect(dialog.getByTestId("plan-step-db").first()).toHaveAttribute("data-action", "keep");
    await shoot(page, "stacks-rollback-en");
    await dialog.getByTestId("confirm-deploy").click();
    await expect(dialog).toBeHidden();
    expect(await ui.jobEnd(null)).toBe("done");
    await expect(page.getByTestId("revision-1")).toHaveAttribute("data-live", "true");
    expect(envOf("api")).toContain("LEVEL=one");
  });

  await test.step("a viewer sees the actions disabled, with the reason", async () => {
    const username = `e2e-viewer-${RUN}`;
    const made = await page.request.post("/api/v1/users", {
      headers: CSRF,
      data: { username, password: "viewer-password", role: "viewer" },
    });
    expect(made.status(), await made.text()).toBe(201);
    const { id } = (await made.json()) as { id: number };
    const viewer = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const vp = await viewer.newPage();
      const login = await vp.request.post("/api/v1/auth/login", {
        headers: CSRF,
        data: { username, password: "viewer-password" },
      });
      expect(login.status()).toBe(200);
      await vp.goto(`/stacks/local/${NAME}`);
      await expect(vp.getByTestId("stack-services")).toBeVisible();
      for (const action of ["deploy", "stop", "down"]) {
        await expect(vp.getByTestId(`stack-${action}`)).toBeDisabled();
        await expect(vp.getByTestId(`stack-${action}`)).toHaveAttribute("title", en.stacks.actions.viewer);
      }
      await expect(vp.getByTestId("stack-viewer-note")).toHaveText(en.stacks.actions.viewer);
      await expect(vp.getByTestId("revision-2").getByTestId("revision-deploy")).toBeDisabled();
      await shoot(vp, "stacks-stack-viewer-en");
    } finally {
      await viewer.close();
      await page.request.delete(`/api/v1/users/${id}`, { headers: CSRF });
    }
  });

  await test.step("down removes the containers and keeps the stack, which can then be removed", async () => {
    const before = await ui.jobId();
    await page.getByTestId("stack-down").click();
    await page.getByRole("button", { name: en.stacks.down.confirm, exact: true }).click();
    expect(await ui.jobEnd(before)).toBe("done");
    await expect(page.getByTestId("stack-state")).toHaveAttribute("data-state", "down");
    expect(containersOf(NAME)).toEqual([]);
    await page.getByTestId("stack-remove").click();
    await page.getByRole("button", { name: en.stacks.remove.confirm, exact: true }).click();
    await expect(page).toHaveURL(/\/stacks$/);
    await expect(page.getByTestId(`stack-row-local-${NAME}`)).toHaveCount(0);
    await shoot(page, "stacks-list-after-en");
  });

  await context.close();
});

test("a project made with the compose CLI shows up by itself, and can be adopted", async ({ browser }) => {
  docker(
    "local",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    `${CLI}-web-1`,
    "--label",
    `com.docker.compose.project=${CLI}`,
    "--label",
    "com.docker.compose.service=web",
    "--label",
    "com.docker.compose.container-number=1",
    "--label",
    "com.docker.compose.oneoff=False",
    "local/idle:1",
  );
  const page = await signedIn(browser, "en-US");
  await page.goto("/stacks");
  const row = page.getByTestId(`stack-row-local-${CLI}`);
  await expect(row.getByTestId("stack-source")).toHaveText(en.stacks.source.cli);
  await expect(row.getByTestId("stack-state")).toHaveAttribute("data-state", "running");
  await row.getByRole("link", { name: CLI }).click();
  await expect(page.getByTestId("cli-section")).toBeVisible();
  await expect(page.getByTestId("stack-edit")).toHaveCount(0);
  await expect(page.getByTestId("stack-deploy")).toHaveCount(0);
  await page.getByTestId("stack-adopt").click();
  const dialog = page.getByTestId("adopt-dialog");
  await dialog.getByTestId("confirm-adopt").click();
  await expect(dialog.getByTestId("stack-plan")).toBeVisible();
  await expect(dialog.getByTestId("plan-step-web").first()).toBeVisible();
  await shoot(page, "stacks-adopted-en");
  await dialog.getByRole("button", { name: en.stacks.adopt.close }).click();
  await expect(page.getByTestId("stack-source")).toHaveText(en.stacks.source.wharf);
  await expect(page.getByTestId("revision-1")).toBeVisible();
  await page.context().close();
});
