import http from "node:http";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { catalog } from "./catalog";
import { E2E_ADMIN_PASSWORD } from "./engines";

/** A long list on one engine: far more containers than a screen holds. */
const ENGINE = "edge";
const PREFIX = "e2e-virt-";
const COUNT = 150;
const names = Array.from({ length: COUNT }, (_, i) => `${PREFIX}${String(i).padStart(3, "0")}`);
const en = catalog("en");
const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, "..", ".engines");

/** One call to the engine's API on its unix socket. */
function engine(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: path.join(enginesDir, ENGINE, "docker.sock"),
        method,
        path: url,
        headers: body === undefined ? {} : { "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** Created, never started (but one), with no network at all. */
async function createContainer(name: string): Promise<void> {
  const res = await engine("POST", `/containers/create?name=${name}`, {
    Image: "local/busybox:1.35",
    Cmd: ["sleep", "3600"],
    HostConfig: { NetworkMode: "none" },
  });
  if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.text}`);
}

async function removeContainers(): Promise<void> {
  const filters = encodeURIComponent(JSON.stringify({ name: [`^/${PREFIX}`] }));
  const res = await engine("GET", `/containers/json?all=1&filters=${filters}`);
  const ids = (JSON.parse(res.text) as { Id: string }[]).map((c) => c.Id);
  await inBatches(ids, 25, async (id) => {
    await engine("DELETE", `/containers/${id}?force=1`);
  });
}

async function signIn(page: Page): Promise<void> {
  const res = await page.request.post("/api/v1/auth/login", {
    headers: { "x-wharf-csrf": "1" },
    data: { username: "admin", password: E2E_ADMIN_PASSWORD },
  });
  expect(res.status()).toBe(200);
}

/** The containers page of the engine, filtered to this spec's containers. */
async function openList(page: Page, filter: string): Promise<{ table: Locator; scroller: Locator }> {
  await page.goto(`/hosts/${ENGINE}`);
  const table = page.getByTestId("container-table");
  await expect(table).toBeVisible();
  await page.getByRole("textbox", { name: en.containers.filter.name }).fill(filter);
  await page.keyboard.press("Escape");
  return { table, scroller: table.locator("xpath=..") };
}

const row = (page: Page, i: number) => page.getByTestId(`row-${names[i]}`);
const columnWidths = (table: Locator) =>
  table
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
/** The row is wholly in its scroll element's view, below the sticky head and above the bottom edge. */
const shown = (row: Locator) =>
  row.evaluate((tr) => {
    const table = tr.closest("table") as HTMLTableElement;
    const scroller = table.parentElement as HTMLElement;
    const head = (table.tHead as HTMLTableSectionElement).getBoundingClientRect();
    const box = tr.getBoundingClientRect();
    const bottom = scroller.getBoundingClientRect().top + scroller.clientTop + scroller.clientHeight;
    return box.top >= head.bottom - 1 && box.bottom <= bottom + 1;
  });
const selected = (count: number) => en.containers.bulk.selected.replace("{count}", String(count));

test.beforeAll(async () => {
  await removeContainers();
  await inBatches(names, 25, createContainer);
});

test.afterAll(removeContainers);

test("a long container list renders only the rows on screen, and keys, selection, filter and live updates work", async ({
  page,
}) => {
  await signIn(page);
  const { table, scroller } = await openList(page, PREFIX);
  const rendered = table.locator("tbody tr[data-index]");
  await expect(table).toHaveAttribute("aria-rowcount", String(COUNT + 1));
  await expect(row(page, 0)).toBeVisible();
  expect(await table.locator("tr").count()).toBeLessThanOrEqual(80);
  const widthsAtTop = await columnWidths(table);

  // The bottom of the list: the last container shows, the first has left the DOM, the columns held still.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row(page, COUNT - 1)).toBeInViewport();
  await expect(rendered.last()).toHaveAttribute("data-testid", `row-${names[COUNT - 1]}`);
  await expect(row(page, 0)).toHaveCount(0);
  expect(await table.locator("tr").count()).toBeLessThanOrEqual(80);
  expect(await columnWidths(table)).toEqual(widthsAtTop);

  // j/k move the focus, and the list scrolls to keep it in view, below the sticky head.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(row(page, 0)).toBeInViewport();
  await page.keyboard.press("j");
  await expect(row(page, 0)).toHaveAttribute("data-focused", "true");
  for (let i = 0; i < 59; i++) await page.keyboard.press("j");
  await expect(row(page, 59)).toHaveAttribute("data-focused", "true");
  await expect.poll(() => shown(row(page, 59))).toBe(true);
  await expect(row(page, 0)).toHaveCount(0);
  for (let i = 0; i < 40; i++) await page.keyboard.press("k");
  await expect(row(page, 19)).toHaveAttribute("data-focused", "true");
  await expect.poll(() => shown(row(page, 19))).toBe(true);

  // x selects the focused row; "select all" selects every filtered row, rendered or not.
  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-bar")).toContainText(selected(1));
  await expect(row(page, 19).getByRole("checkbox")).toBeChecked();
  const all = page.getByRole("checkbox", { name: en.containers.table.selectAll });
  await all.check();
  await expect(page.getByTestId("bulk-bar")).toContainText(selected(COUNT));
  await all.uncheck();
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);

  // Filtering narrows the list to what matches.
  await page.getByRole("textbox", { name: en.containers.filter.name }).fill(`${PREFIX}14`);
  await expect(rendered).toHaveCount(10);
  await expect(table).toHaveAttribute("aria-rowcount", "11");
  await page.keyboard.press("Escape");

  // A row focused and selected keeps both when the engine starts it and the sort by state moves it.
  await row(page, 145).getByTestId("status").click();
  await page.keyboard.press("x");
  await table.getByRole("button", { name: en.containers.table.state, exact: true }).click();
  await expect(rendered.first()).toHaveAttribute("data-testid", `row-${names[140]}`);
  expect((await engine("POST", `/containers/${names[145]}/start`)).status).toBe(204);
  await expect(row(page, 145).getByTestId("state")).toHaveText(en.ui.state.running);
  await expect(rendered.first()).toHaveAttribute("data-testid", `row-${names[145]}`);
  await expect(row(page, 145)).toHaveAttribute("data-focused", "true");
  await expect(row(page, 145).getByRole("checkbox")).toBeChecked();
  await expect(page.getByTestId("bulk-bar")).toContainText(selected(1));
});

async function signedIn(browser: Browser, locale: "en-US" | "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page);
  return page;
}

test("the long container list in both languages and both themes, at the top and scrolled", async ({
  browser,
}) => {
  const dir = process.env.WHARF_SHOTS_DIR ?? "test-results/shots";
  for (const locale of ["en-US", "zh-CN"] as const) {
    const page = await signedIn(browser, locale);
    await page.goto(`/hosts/${ENGINE}`);
    const table = page.getByTestId("container-table");
    await expect(row(page, 0)).toBeVisible();
    for (const [where, top] of [
      ["top", 0],
      ["scrolled", 2000],
    ] as const) {
      await table.locator("xpath=..").evaluate((el, y) => (el.scrollTop = y), top);
      await expect(row(page, 0)).toHaveCount(top ? 0 : 1);
      for (const theme of ["dark", "light"] as const) {
        await page.evaluate(
          (dark) => document.documentElement.classList.toggle("dark", dark),
          theme === "dark",
        );
        await page.screenshot({ path: `${dir}/virtual-containers-${locale}-${where}-${theme}.png` });
      }
    }
    await page.context().close();
  }
});

/** The `row-…` test ids in a page's HTML as the server sent it, before any script ran. */
const rowsInHtml = (html: string) => [...html.matchAll(/data-testid="row-([^"]+)"/g)].map((m) => m[1]);

test("the first screen of rows comes with the page's HTML, in scope, and the page takes over without a hydration error", async ({
  browser,
}) => {
  const own = `${PREFIX}ssr-own`;
  const made = await engine("POST", `/containers/create?name=${own}`, {
    Image: "local/busybox:1.35",
    Cmd: ["sleep", "3600"],
    Labels: { team: "e2e-ssr" },
    HostConfig: { NetworkMode: "none" },
  });
  expect(made.status).toBe(201);
  const admin = await browser.newContext({ locale: "en-US" });
  const page = await admin.newPage();
  await signIn(page);
  const scoped = `e2e-ssr-${Date.now().toString(36)}`;
  const user = await page.request.post("/api/v1/users", {
    headers: { "x-wharf-csrf": "1" },
    data: { username: scoped, password: "ssr-user-password", role: "viewer", labelSelector: "team=e2e-ssr" },
  });
  expect(user.status(), await user.text()).toBe(201);

  // The admin's HTML holds a screenful of rows, in the list's order, of the 150 and more on the engine.
  for (const path of [`/hosts/${ENGINE}`, "/containers"]) {
    const html = await (await page.request.get(path)).text();
    const rows = rowsInHtml(html);
    expect(rows.length, path).toBeGreaterThanOrEqual(20);
    expect(rows.length, path).toBeLessThanOrEqual(40);
    expect([...rows].sort((a, b) => (a ?? "").localeCompare(b ?? ""))).toEqual(rows);
  }

  // The label-scoped viewer's HTML holds its own container and nothing of anyone else's.
  const other = await browser.newContext({ locale: "en-US" });
  const theirs = await other.newPage();
  const login = await theirs.request.post("/api/v1/auth/login", {
    headers: { "x-wharf-csrf": "1" },
    data: { username: scoped, password: "ssr-user-password" },
  });
  expect(login.status()).toBe(200);
  for (const path of [`/hosts/${ENGINE}`, "/containers"])
    expect(rowsInHtml(await (await theirs.request.get(path)).text()), path).toEqual([own]);
  // Without a session there is no page at all, let alone rows.
  const anonymous = await browser.newContext();
  const bare = await anonymous.request.get("/containers", { maxRedirects: 0 });
  expect(bare.status()).toBe(302);
  await anonymous.close();

  // In the browser the server's rows hand over to the full list with no hydration error.
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/hosts/${ENGINE}`);
  await expect(page.getByTestId("container-table")).toHaveAttribute("aria-rowcount", /^\d{3,}$/);
  await page.getByRole("textbox", { name: en.containers.filter.name }).fill(PREFIX);
  await expect(page.getByTestId("container-table")).toHaveAttribute("aria-rowcount", String(COUNT + 2));
  expect(errors.filter((e) => /hydrat|#418|#423|#425/i.test(e))).toEqual([]);
  await theirs.goto("/containers");
  await expect(theirs.getByTestId(`row-${own}`)).toBeVisible();
  await expect(theirs.getByTestId("container-table").locator("tbody tr[data-index]")).toHaveCount(1);
  await other.close();
  await admin.close();
});
