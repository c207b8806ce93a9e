import { spawn } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";

/** Every container of the benchmark carries this label, with the run's id as its value. */
export const COMPOSE_BENCH_LABEL = "wharf.bench.compose";
export const COMPOSE_FILE_NAME = "docker-compose.yml";
export const SOLO_SERVICES = 6;
export const CHAIN_SERVICES = 4;
export const SERVICE_COUNT = SOLO_SERVICES + CHAIN_SERVICES;

/**
 * The benchmark's project: six independent services and a chain of four (chain2 waits for chain1,
 * and so on), all from local/idle:1, which sleeps and stops at once on TERM. Their only network is
 * the project's default one, internal: the containers reach nothing outside it and send nothing.
 * No top-level `name:` (docker-compose 1.29 refuses it) and no `deploy:` keys (so no
 * `--compatibility`): the project name comes from `-p` and from Wharf's stack name.
 */
export function composeFile(runId: string): string {
  const lines = ["services:"];
  const service = (name: string, dependsOn?: string) => {
    lines.push(
      `  ${name}:`,
      "    image: local/idle:1",
      "    labels:",
      `      ${COMPOSE_BENCH_LABEL}: "${runId}"`,
    );
    if (dependsOn) lines.push("    depends_on:", `      - ${dependsOn}`);
  };
  for (let i = 1; i <= SOLO_SERVICES; i++) service(`solo${i}`);
  for (let i = 1; i <= CHAIN_SERVICES; i++) service(`chain${i}`, i > 1 ? `chain${i - 1}` : undefined);
  lines.push("networks:", "  default:", "    internal: true");
  return `${lines.join("\n")}\n`;
}

export interface Ran {
  ms: number;
  output: string;
}

/** Runs a command to its end; rejects with its output when it fails. Killed when `signal` aborts. */
function runCommand(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", reject);
    child.once("close", (code, sig) => {
      const ms = performance.now() - t0;
      const output = Buffer.concat(chunks).toString("utf8");
      if (code === 0) resolve({ ms, output });
      else
        reject(
          new Error(
            `${cmd} ${args.join(" ")}: exit ${code ?? sig}${output ? `\n${output.trim().slice(-2000)}` : ""}`,
          ),
        );
    });
  });
}

/** The docker CLI against one engine, over its unix socket. */
export async function dockerCli(
  socket: string,
  args: readonly string[],
  signal?: AbortSignal,
): Promise<string> {
  return (await runCommand("docker", ["-H", `unix://${socket}`, ...args], { signal })).output.trim();
}

/**
 * Debian's docker-compose (1.29) against one engine, in the project's directory, with none of this
 * process's environment but PATH and HOME: nothing but the file and `-p` decides what it does.
 * Timed from spawning it to its exit.
 */
export function composeCli(
  socket: string,
  dir: string,
  project: string,
  args: readonly string[],
  signal?: AbortSignal,
): Promise<Ran> {
  return runCommand("docker-compose", ["-p", project, "-f", COMPOSE_FILE_NAME, ...args], {
    cwd: dir,
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? os.tmpdir(),
      DOCKER_HOST: `unix://${socket}`,
    },
    signal,
  });
}

export async function composeVersion(): Promise<string> {
  return (await runCommand("docker-compose", ["version", "--short"], {})).output.trim();
}

/** What says whether a container was touched: its id, and when it last started. */
export interface ContainerMark {
  name: string;
  id: string;
  running: boolean;
  startedAt: string;
}

interface Inspect {
  Id: string;
  Name: string;
  State: { Running: boolean; StartedAt: string };
}

/** The project's containers (by compose's project label), from `docker inspect`, sorted by name. */
export async function projectContainers(socket: string, project: string): Promise<ContainerMark[]> {
  const ids = (
    await dockerCli(socket, [
      "ps",
      "-aq",
      "--no-trunc",
      "--filter",
      `label=com.docker.compose.project=${project}`,
    ])
  )
    .split("\n")
    .filter(Boolean);
  if (ids.length === 0) return [];
  const docs = JSON.parse(await dockerCli(socket, ["inspect", "--type", "container", ...ids])) as Inspect[];
  return docs
    .map((d) => ({
      name: d.Name.replace(/^\//, ""),
      id: d.Id,
      running: d.State.Running,
      startedAt: d.State.StartedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The project's networks: compose (1.29 as v2) and Wharf both name them `<project>_<key>`. */
export async function projectNetworks(socket: string, project: string): Promise<string[]> {
  return (await dockerCli(socket, ["network", "ls", "--format", "{{.Name}}"]))
    .split("\n")
    .filter((n) => n.startsWith(`${project}_`));
}

/** Fails unless the project has exactly `n` running containers. */
export async function expectRunning(socket: string, project: string, n: number): Promise<ContainerMark[]> {
  const cs = await projectContainers(socket, project);
  const running = cs.filter((c) => c.running).length;
  if (cs.length !== n || running !== n)
    throw new Error(`${project}: expected ${n} running containers, found ${cs.length} (${running} running)`);
  return cs;
}

/** Fails unless nothing of the project is left on the engine. */
export async function expectGone(socket: string, project: string): Promise<void> {
  const [cs, nets] = await Promise.all([
    projectContainers(socket, project),
    projectNetworks(socket, project),
  ]);
  if (cs.length || nets.length)
    throw new Error(
      `${project}: still on the engine after down: ${[...cs.map((c) => c.name), ...nets].join(", ")}`,
    );
}

/**
 * Removes whatever is left of the projects and of the run's label: containers (forced), then the
 * projects' networks. Twice when the first pass found something, for a create the engine finished
 * after its client had gone. Answers how many objects were removed.
 */
export async function removeLeftovers(
  socket: string,
  projects: readonly string[],
  runId: string,
): Promise<number> {
  let removed = 0;
  for (let pass = 0; pass < 2; pass++) {
    const filters = [
      ...projects.map((p) => `label=com.docker.compose.project=${p}`),
      `label=${COMPOSE_BENCH_LABEL}=${runId}`,
    ];
    const ids = new Set<string>();
    for (const f of filters)
      for (const id of (await dockerCli(socket, ["ps", "-aq", "--filter", f])).split("\n").filter(Boolean))
        ids.add(id);
    if (ids.size) await dockerCli(socket, ["rm", "-f", ...ids]);
    const nets = (await Promise.all(projects.map((p) => projectNetworks(socket, p)))).flat();
    if (nets.length) await dockerCli(socket, ["network", "rm", ...nets]);
    removed += ids.size + nets.length;
    if (ids.size + nets.length === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return removed;
}
