/**
 * The three-manager test swarm (scripts/test-engines.sh swarm) for the swarm test files: the docker
 * CLI against its first manager, the independent oracle, and starting it when it is not up.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parseHostsSetting } from "../../server/engines/host-spec";
import {
  ENGINES_DIR,
  enginesScript,
  login,
  startServer,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

const run = promisify(execFile);
export const SWARM_HOSTS = path.join(ENGINES_DIR, "hosts-swarm.json");

/** The docker CLI against the first manager. */
export async function swarmCli(...args: string[]): Promise<string> {
  const sock = path.join(ENGINES_DIR, "swarm1", "docker.sock");
  const { stdout } = await run("docker", ["-H", `unix://${sock}`, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

async function clusterUp(): Promise<boolean> {
  if (!fs.existsSync(SWARM_HOSTS)) return false;
  const ready = await swarmCli("node", "ls", "--format", "{{.Status}}").catch(() => "");
  return ready.split("\n").filter((s) => s === "Ready").length === 3;
}

/** Starts the cluster unless it is up; answers whether it did, so the file stops it again. */
export async function ensureSwarmCluster(): Promise<boolean> {
  if (await clusterUp()) return false;
  await enginesScript("swarm");
  return true;
}

/** Wharf on the swarm's first manager (host `swarm`), signed in as admin; `stop` also stops a cluster it started. */
export async function startSwarmServer(): Promise<{
  srv: TestServer;
  admin: Client;
  stop: () => Promise<void>;
}> {
  const started = await ensureSwarmCluster();
  const srv = await startServer({ hosts: parseHostsSetting(SWARM_HOSTS) });
  const admin = await login(srv.base);
  await waitHostsUp(admin, ["swarm"]);
  return {
    srv,
    admin,
    stop: async () => {
      await srv.stop();
      if (started) await enginesScript("swarm-stop");
    },
  };
}
