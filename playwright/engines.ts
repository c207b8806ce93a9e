import { execFileSync } from "node:child_process";
import path from "node:path";

const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, "..", ".engines");

/** The docker CLI against one of the test engines. */
export function docker(engine: "local" | "edge" | "secure", ...args: string[]): string {
  return execFileSync("docker", ["-H", `unix://${path.join(enginesDir, engine, "docker.sock")}`, ...args], {
    encoding: "utf8",
  }).trim();
}

export const E2E_PREFIX = "e2e";

export function removeE2eContainers(): void {
  for (const engine of ["local", "edge", "secure"] as const) {
    const ids = docker(engine, "ps", "-aq", "--filter", `name=^/${E2E_PREFIX}-`);
    if (ids) docker(engine, "rm", "-f", ...ids.split("\n"));
  }
}
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";
