import { expect, test } from "@playwright/test";
import { docker } from "./engines";
import { signedIn } from "./pages/session";

const DIES = "e2e-live-dies";
const GONE = "e2e-live-gone";

test.afterAll(() => {
  try {
    docker("edge", "rm", "-f", DIES);
  } catch {
    // Not made when the test failed early.
  }
});

/**
 * The overview asks for its figures every 15 s; a host going down and an alert opening must show
 * well before that, pushed over the socket. Both happen after the page has loaded, and are expected
 * within 8 s of it, so only a push can pass.
 */
test("the overview shows a host going down and an alert opening as they happen", async ({ browser }) => {
  const page = await signedIn(browser, "en-US");
  const csrf = { "x-wharf-csrf": "1" };
  const rule = await page.request.post("/api/v1/alerts/rules", {
    headers: csrf,
    data: { name: "e2e live exits", kind: "exit", scope: { labelSelector: "e2e-live" }, targets: [] },
  });
  expect(rule.status()).toBe(201);
  const ruleId = ((await rule.json()) as { id: number }).id;
  try {
    await page.goto("/overview");
    await expect(page.getByTestId("overview-host-local")).toBeVisible();
    const loadedAt = Date.now();

    const added = await page.request.post("/api/v1/hosts", {
      headers: csrf,
      data: { id: GONE, name: "Gone live", url: "tcp://127.0.0.1:9" },
    });
    expect(added.status()).toBe(201);
    docker(
      "edge",
      "run",
      "-d",
      "--network",
      "none",
      "--name",
      DIES,
      "--label",
      "e2e-live=1",
      "--entrypoint",
      "/bin/sh",
      "local/idle:1",
      "-c",
      "exit 5",
    );

    await expect(page.getByTestId(`overview-host-${GONE}`).getByTestId("overview-host-status")).toHaveText(
      "down",
      {
        timeout: 8000,
      },
    );
    await expect(
      page.getByTestId("overview-alerts").getByTestId("overview-alert").filter({ hasText: DIES }),
    ).toBeVisible({ timeout: 8000 });
    expect(Date.now() - loadedAt).toBeLessThan(15_000);
  } finally {
    await page.request.delete(`/api/v1/hosts/${GONE}`, { headers: csrf });
    await page.request.delete(`/api/v1/alerts/rules/${ruleId}`, { headers: csrf });
    await page.context().close();
  }
});
