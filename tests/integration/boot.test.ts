import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

/** Boots the real entry point and returns how it exited and what it printed. */
function boot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-boot-"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: ROOT,
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH ?? "",
        WHARF_DATA_DIR: dataDir,
        WHARF_PORT: "0",
        DOCKER_HOST: "unix:///nonexistent.sock",
        ...env,
      },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe("boot-time configuration errors", () => {
  it("refuses a malformed WHARF_HOSTS entry, naming the entry and the field", async () => {
    const { code, output } = await boot({
      WHARF_HOSTS: JSON.stringify([
        { id: "local", url: "unix:///var/run/docker.sock" },
        { id: "edge", url: "ftp://127.0.0.1:2375" },
      ]),
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'WHARF_HOSTS[1] (id "edge"): url: must start with unix://, tcp://, https:// or ssh://',
    );
  });

  it("refuses a bad port, naming the variable", async () => {
    const { code, output } = await boot({ WHARF_PORT: "http" });
    expect(code).toBe(1);
    expect(output).toMatch(/WHARF_PORT/);
  });
});
