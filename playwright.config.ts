import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.WHARF_E2E_PORT ?? 3210);
const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, ".engines");
import { E2E_ADMIN_PASSWORD } from "./playwright/engines";

export default defineConfig({
  testDir: "playwright",
  testMatch: "**/*.spec.ts",
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./playwright/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.WHARF_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The compiled server, as `npm start` runs it; re-bundling it (well under a second) keeps it in
    // step with server/ when only the specs are run after an edit. Pages come from `npm run build`.
    command: `rm -rf data/e2e && npm run -s build:server && node dist/server/index.js`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      WHARF_PORT: String(PORT),
      WHARF_BIND: "127.0.0.1",
      WHARF_DATA_DIR: "data/e2e",
      WHARF_HOSTS: path.join(enginesDir, "hosts.json"),
      WHARF_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      // The stats history fills in seconds rather than minutes.
      WHARF_METRICS_INTERVAL: "2",
    },
  },
});
