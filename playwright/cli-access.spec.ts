import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { docker } from "./engines";
import { shoot, signedIn } from "./pages/session";
import en from "../lib/i18n/messages/en/hosts.json" with { type: "json" };
import zh from "../lib/i18n/messages/zh-CN/hosts.json" with { type: "json" };

const RUN = Date.now().toString(36);
const LABEL = `e2e.cli=${RUN}`;

test.afterAll(() => {
  const ids = docker("local", "ps", "-aq", "--filter", `label=${LABEL}`);
  if (ids) docker("local", "rm", "-f", ...ids.split("\n"));
});

test("an admin makes a scoped token on a host's page, and the docker CLI works with the lines it shows", async ({
  browser,
}) => {
  const page = await signedIn(browser, "en-US");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/hosts/local");
  await page.getByTestId("cli-access").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(en.cli.title.replace("{host}", "local"));
  await dialog.getByLabel(en.cli.name).fill(`e2e-cli-${RUN}`);
  await dialog.getByLabel(en.cli.label).fill(LABEL);
  await shoot(page, "cli-access-form-en");
  await dialog.getByRole("button", { name: en.cli.create }).click();
  const context = await dialog.getByTestId("cli-context").inputValue();
  const config = await dialog.getByTestId("cli-config").inputValue();
  expect(context).toMatch(
    /^docker context create local-via-wharf --docker host=tcp:\/\/[^ ]+\/api\/v1\/hosts\/local\/docker$/,
  );
  await shoot(page, "cli-access-lines-en");

  // The lines as a user would paste them, with the real docker CLI.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-e2e-cli-"));
  try {
    fs.writeFileSync(path.join(dir, "config.json"), config);
    const env = { ...process.env, DOCKER_CONFIG: dir };
    execFileSync("sh", ["-c", context], { env, stdio: "pipe" });
    const mine = docker("local", "run", "-d", "--network", "none", "--label", LABEL, "local/idle:1");
    const other = docker("local", "run", "-d", "--network", "none", "local/idle:1");
    try {
      const listed = execFileSync("docker", ["--context", "local-via-wharf", "ps", "-q", "--no-trunc"], {
        env,
        encoding: "utf8",
      }).trim();
      expect(listed).toBe(mine);
    } finally {
      docker("local", "rm", "-f", other);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The token list says it was used.
  await page.goto("/admin/tokens");
  const row = page.getByRole("row", { name: new RegExp(`e2e-cli-${RUN}`) });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("never");
  await page.context().close();
});

test("the CLI dialog in Chinese", async ({ browser }) => {
  const page = await signedIn(browser, "zh-CN");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/hosts/local");
  await page.getByTestId("cli-access").click();
  await expect(page.getByRole("dialog").getByRole("heading")).toHaveText(
    zh.cli.title.replace("{host}", "local"),
  );
  await shoot(page, "cli-access-form-zh-CN");
  await page.context().close();
});
