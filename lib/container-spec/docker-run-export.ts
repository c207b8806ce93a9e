import { formatMountFlag, formatVolumeSpec, tmpfsOptions } from "./mounts";
import { formatPortSpec } from "./ports";
import { shellQuote } from "./shell-words";
import { formatRestart } from "./spec";
import type { ContainerSpec, HealthcheckSpec } from "./types";
import { bytesFlag, cpusFlag, formatDuration } from "./values";

function healthFlags(h: HealthcheckSpec): string[][] {
  if (h.test[0] === "NONE") return [["--no-healthcheck"]];
  const out: string[][] = [];
  if (h.test[0] === "CMD-SHELL" && h.test.length === 2) out.push(["--health-cmd", h.test[1] as string]);
  // The CLI only writes shell-form checks; an exec-form one becomes the equivalent shell line.
  else if (h.test[0] === "CMD") out.push(["--health-cmd", h.test.slice(1).map(shellQuote).join(" ")]);
  if (h.interval) out.push(["--health-interval", formatDuration(h.interval)]);
  if (h.timeout) out.push(["--health-timeout", formatDuration(h.timeout)]);
  if (h.startPeriod) out.push(["--health-start-period", formatDuration(h.startPeriod)]);
  if (h.retries) out.push(["--health-retries", String(h.retries)]);
  return out;
}

function limitFlags(l: ContainerSpec["limits"]): string[][] {
  const out: string[][] = [];
  if (l.memory) out.push(["--memory", bytesFlag(l.memory)]);
  if (l.memoryReservation) out.push(["--memory-reservation", bytesFlag(l.memoryReservation)]);
  if (l.memorySwap) out.push(["--memory-swap", l.memorySwap === -1 ? "-1" : bytesFlag(l.memorySwap)]);
  if (l.nanoCpus) out.push(["--cpus", cpusFlag(l.nanoCpus)]);
  if (l.cpuShares) out.push(["--cpu-shares", String(l.cpuShares)]);
  if (l.cpuQuota) out.push(["--cpu-quota", String(l.cpuQuota)]);
  if (l.cpuPeriod) out.push(["--cpu-period", String(l.cpuPeriod)]);
  if (l.cpusetCpus) out.push(["--cpuset-cpus", l.cpusetCpus]);
  if (l.cpusetMems) out.push(["--cpuset-mems", l.cpusetMems]);
  if (l.pidsLimit) out.push(["--pids-limit", String(l.pidsLimit)]);
  if (l.blkioWeight) out.push(["--blkio-weight", String(l.blkioWeight)]);
  if (l.oomKillDisable) out.push(["--oom-kill-disable"]);
  return out;
}

function mountFlag(m: ContainerSpec["mounts"][number]): string[] {
  if (m.type === "tmpfs") {
    const opts = tmpfsOptions(m);
    return ["--tmpfs", opts ? `${m.target}:${opts}` : m.target];
  }
  if (!m.source && (m.readOnly || m.options.length)) return ["--mount", formatMountFlag(m)];
  return ["-v", formatVolumeSpec(m)];
}

/**
 * The one shell line that recreates `spec` with the docker CLI: `docker run -d …` (or `docker create`
 * when it is not to be started), every word quoted only where the shell needs it. `extraFlags` are
 * settings outside the form (see outsideFormFlags), written before the image.
 */
export function specToDockerRun(spec: ContainerSpec, extraFlags: string[][] = []): string {
  const args: string[][] = [spec.start ? ["docker", "run", "-d"] : ["docker", "create"]];
  if (spec.name) args.push(["--name", spec.name]);
  const term = `${spec.openStdin ? "i" : ""}${spec.tty ? "t" : ""}`;
  if (term) args.push([`-${term}`]);
  if (spec.autoRemove) args.push(["--rm"]);
  if (spec.hostname) args.push(["--hostname", spec.hostname]);
  if (spec.user) args.push(["--user", spec.user]);
  if (spec.workingDir) args.push(["--workdir", spec.workingDir]);
  // --entrypoint takes one word; further words of an entrypoint lead the command, which runs the same.
  const [entry, ...entryRest] = spec.entrypoint;
  if (entry !== undefined) args.push(["--entrypoint", entry]);
  for (const e of spec.env) args.push(["-e", `${e.key}=${e.value}`]);
  for (const l of spec.labels) args.push(["--label", `${l.key}=${l.value}`]);
  for (const p of spec.ports) args.push(["-p", formatPortSpec(p)]);
  for (const m of spec.mounts) args.push(mountFlag(m));
  if (spec.network) args.push(["--network", spec.network]);
  for (const a of spec.aliases) args.push(["--network-alias", a]);
  for (const n of spec.networks ?? []) {
    args.push([
      "--network",
      n.aliases.length ? [`name=${n.name}`, ...n.aliases.map((a) => `alias=${a}`)].join(",") : n.name,
    ]);
  }
  if (spec.restart.name !== "no") args.push(["--restart", formatRestart(spec.restart)]);
  args.push(...limitFlags(spec.limits));
  if (spec.healthcheck) args.push(...healthFlags(spec.healthcheck));
  args.push(...extraFlags);
  args.push([spec.image, ...entryRest, ...spec.cmd]);
  return args.map((words) => words.map(shellQuote).join(" ")).join(" ");
}
