import { expect, test, type Browser, type Page } from "@playwright/test";
import { catalog } from "./catalog";
import { docker } from "./engines";
import { HistorySection } from "./pages/history-section";
import { shoot, signedIn } from "./pages/session";

const RUN = Date.now().toString(36);
/** A compose project "made elsewhere": one ticking container with compose's labels. */
const PROJECT = `e2e-hp-${RUN}`;
const WEB = `${PROJECT}-web-1`;
const DAY = 86_400_000;
const HOUR = 3600_000;
/** The same project's second service: a container made and never started, so never sampled. */
const JOB = `${PROJECT}-job-1`;
/** A stack stored in Wharf and never deployed: its service has no container at all. */
const STORED = `${PROJECT}-stored`;
const CSRF = { "x-wharf-csrf": "1" };
const en = catalog("en");
const zhCN = catalog("zh-CN");

/** A container of the project's `service`, with compose's labels, run or only created. */
function serviceContainer(how: "run" | "create", name: string, service: string): string {
  return docker(
    "local",
    ...(how === "run" ? ["run", "-d"] : ["create"]),
    "--network",
    "none",
    "--name",
    name,
    "--label",
    `com.docker.compose.project=${PROJECT}`,
    "--label",
    `com.docker.compose.service=${service}`,
    "--label",
    "com.docker.compose.container-number=1",
    "--label",
    "com.docker.compose.oneoff=False",
    "--label",
    `team=${PROJECT}`,
    "local/ticker:1",
  );
}

const runWeb = () => serviceContainer("run", WEB, "web");

/** Signed in, with room for the charts above the list. */
async function wide(browser: Browser, locale: "en-US" | "zh-CN"): Promise<Page> {
  const page = await signedIn(browser, locale);
  await page.setViewportSize({ width: 1440, height: 960 });
  return page;
}

async function openHostHistory(page: Page): Promise<HistorySection> {
  await page.goto("/hosts/local");
  await page.getByTestId("host-history-toggle").click();
  const section = new HistorySection(page, page.getByTestId("host-history"));
  await expect(section.root).toBeVisible();
  return section;
}

async function openServiceHistory(page: Page, project = PROJECT, service = "web"): Promise<HistorySection> {
  await page.goto(`/stacks/local/${project}`);
  await page.getByTestId(`service-${service}`).getByTestId("service-charts").click();
  const section = new HistorySection(page, page.getByTestId("service-history"));
  await expect(section.root).toBeVisible();
  return section;
}

const hostTotals = (url: URL) => url.pathname === "/api/v1/hosts/local/history";
const webService = (url: URL) =>
  url.pathname === `/api/v1/hosts/local/stacks/${PROJECT}/services/web/history`;

function removeFixtures(): void {
  const ids = docker("local", "ps", "-aq", "--filter", `label=com.docker.compose.project=${PROJECT}`);
  if (ids) docker("local", "rm", "-f", ...ids.split("\n"));
}

test.beforeAll(() => {
  runWeb();
  serviceContainer("create", JOB, "job");
});

test.afterAll(async ({ browser }) => {
  removeFixtures();
  const page = await signedIn(browser, "en-US");
  await page.request.delete(`/api/v1/hosts/local/stacks/${STORED}`, { headers: CSRF });
  await page.context().close();
});

/** The last hour fills first (it is asked again every 10 s), then the day draws in 1 min points. */
async function drawsTheDay(history: HistorySection, matches: (url: URL) => boolean): Promise<void> {
  await history.expectDrawn(10_000);
  await history.pick("24h", DAY, matches);
  await history.expectDrawn(60_000);
}

/** The same section in Chinese, titled in Chinese and drawn, shot for the eye. */
async function inChinese(
  browser: Browser,
  open: (page: Page) => Promise<HistorySection>,
  title: string,
  shot: string,
): Promise<void> {
  const zh = await wide(browser, "zh-CN");
  const history = await open(zh);
  await expect(history.root).toContainText(title);
  await history.expectDrawn(10_000);
  await shoot(zh, shot);
  await zh.context().close();
}

test("the host page charts the host's totals over 24 h", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await wide(browser, "en-US");
  const history = await openHostHistory(page);
  await drawsTheDay(history, hostTotals);
  await shoot(page, "history-host-24h-en");
  // Closing it gives the list its room back.
  await history.root.getByRole("button", { name: en.stats.history.close }).click();
  await expect(history.root).toHaveCount(0);
  await page.context().close();

  await inChinese(browser, openHostHistory, zhCN.stats.history.hostTitle, "history-host-1h-zh-CN");
});

test("a stack's service charts continue across a recreate of its container", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await wide(browser, "en-US");
  const history = await openServiceHistory(page);
  await drawsTheDay(history, webService);
  await shoot(page, "history-service-24h-en");

  // The same service in a new container: the charts sum both containers' series.
  await history.pick("1h", HOUR, webService);
  expect(await history.seriesCount()).toBe(1);
  docker("local", "rm", "-f", WEB);
  runWeb();
  await expect.poll(() => history.seriesCount(), { timeout: 60_000 }).toBe(2);
  await history.expectDrawn(10_000);
  await page.context().close();

  await inChinese(
    browser,
    (zh) => openServiceHistory(zh),
    `${zhCN.stacks.services.historyTitle}web`,
    "history-service-1h-zh-CN",
  );
});

test("a service with nothing sampled yet, and one with no container, say so calmly", async ({ browser }) => {
  const page = await wide(browser, "en-US");
  // Made and never started: Wharf samples running containers only.
  const job = await openServiceHistory(page, PROJECT, "job");
  const sampling = en.stats.history.emptyHint.slice(en.stats.history.emptyHint.indexOf(" s and ") + 3);
  await expect(job.root.getByTestId("state-empty")).toContainText(en.stats.history.empty);
  await expect(job.root.getByTestId("state-empty")).toContainText(sampling);
  await expect(job.root.getByTestId("state-error")).toHaveCount(0);
  await shoot(page, "history-service-none-yet-en");

  // Files kept and never deployed: asked under the stack, with no container to ask through.
  const stored = await page.request.post("/api/v1/hosts/local/stacks", {
    headers: CSRF,
    data: { name: STORED, compose: "services:\n  web:\n    image: local/idle:1\n" },
  });
  expect(stored.status(), await stored.text()).toBe(201);
  const none = await openServiceHistory(page, STORED, "web");
  await expect(none.root.getByTestId("state-empty")).toContainText(sampling);
  await expect(none.root.getByTestId("state-error")).toHaveCount(0);
  await expect(none.root.getByTestId("stats-range-24h")).toBeVisible();
  await shoot(page, "history-service-no-container-en");
  await page.context().close();
});

test("a label-scoped user is offered no host totals", async ({ browser }) => {
  const admin = await signedIn(browser, "en-US");
  const viewer = { username: `e2e-hp-viewer-${RUN}`, password: "e2e-history-viewer" };
  const made = await admin.request.post("/api/v1/users", {
    headers: CSRF,
    data: { ...viewer, role: "viewer", labelSelector: `team=${PROJECT}` },
  });
  expect(made.status(), await made.text()).toBe(201);
  await admin.context().close();

  const page = await signedIn(browser, "en-US", viewer);
  await page.goto("/hosts/local");
  // Who is signed in is known (the same answer the toggle waits for), and their container is listed.
  await expect(page.getByTestId("whoami")).toContainText(viewer.username);
  await expect(page.getByRole("link", { name: `Open ${WEB}` })).toBeVisible();
  await expect(page.getByTestId("host-history-toggle")).toHaveCount(0);
  // Their service's own charts are theirs.
  const history = await openServiceHistory(page);
  await history.expectDrawn(10_000);
  await page.context().close();
});
