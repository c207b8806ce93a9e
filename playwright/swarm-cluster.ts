import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The test swarm (three managers on 127.0.0.11–13, see scripts/test-engines/swarm.sh) for the swarm
 * spec. The e2e server reads its hosts before global setup runs, so the spec adds the first manager
 * as a host through the admin API and removes it at the end: the other specs see the hosts they
 * always saw. The cluster is started only by the spec that needs it; a marker tells the global
 * teardown to stop it, so a cluster someone else started is left running.
 */
const enginesDir = process.env.WHARF_ENGINES_DIR ?? path.join(import.meta.dirname, "..", ".engines");
const script = path.join(import.meta.dirname, "..", "scripts", "test-engines.sh");
const MARKER = path.join(enginesDir, "swarm-started-by-e2e");

/** The docker CLI against one swarm node (1–3): the independent check of what the UI did. */
export function swarmCli(node: 1 | 2 | 3, ...args: string[]): string {
  const sock = path.join(enginesDir, `swarm${node}`, "docker.sock");
  return execFileSync("docker", ["-H", `unix://${sock}`, ...args], { encoding: "utf8" }).trim();
}

function clusterUp(): boolean {
  if (!existsSync(path.join(enginesDir, "hosts-swarm.json"))) return false;
  try {
    return (
      swarmCli(1, "node", "ls", "--format", "{{.Status}}")
        .split("\n")
        .filter((s) => s === "Ready").length === 3
    );
  } catch {
    return false;
  }
}

/** Starts the cluster unless it is up; answers the manager's host entry as the admin API takes it. */
export function ensureSwarm(): { id: string; name: string; url: string } {
  if (!clusterUp()) {
    execFileSync("bash", [script, "swarm"], { stdio: "ignore" });
    writeFileSync(MARKER, "");
  }
  const [first] = JSON.parse(readFileSync(path.join(enginesDir, "hosts-swarm.json"), "utf8")) as {
    url: string;
  }[];
  if (!first) throw new Error("hosts-swarm.json lists no manager");
  return { id: "e2e-swarm", name: "Swarm", url: first.url };
}

/** Stops the cluster when the e2e run started it. */
export function stopSwarmIfStarted(): void {
  if (!existsSync(MARKER)) return;
  execFileSync("bash", [script, "swarm-stop"], { stdio: "ignore" });
  rmSync(MARKER, { force: true });
}
