/** What each flag of a `docker run` line does to the form; unknown ones are listed, never dropped. */
import { parseBytes, parseCpus, parseCpuset } from "../units";
import { CLIENT_ONLY_FLAGS } from "./docker-run-flags";
import { parseMountFlag, parseTmpfsSpec, parseVolumeSpec } from "./mounts";
import { parsePortSpec } from "./ports";
import { shellQuote } from "./shell-words";
import { parseRestart } from "./spec";
import type { ContainerSpec, HealthcheckSpec } from "./types";
import { parseDuration } from "./values";

/** The form being filled, and what the reader has to say about the line. */
export interface Ctx {
  spec: ContainerSpec;
  notImported: string[];
  notices: string[];
  health: Partial<HealthcheckSpec> & { set?: boolean };
}

function bad(ctx: Ctx, flag: string, value: string, why: string): void {
  ctx.notImported.push(`${flag} ${shellQuote(value)}`);
  ctx.notices.push(`${flag} ${why}; it was not imported`);
}

function setLimit(
  ctx: Ctx,
  flag: string,
  value: string,
  field: string,
  parse: (v: string) => number | undefined,
) {
  const n = parse(value);
  if (n === undefined) bad(ctx, flag, value, `"${value}" is not a valid value`);
  else (ctx.spec.limits as Record<string, number>)[field] = n;
}

const int = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : undefined);

function keyValue(text: string): { key: string; value: string; hasValue: boolean } {
  const eq = text.indexOf("=");
  return eq < 0
    ? { key: text, value: "", hasValue: false }
    : { key: text.slice(0, eq), value: text.slice(eq + 1), hasValue: true };
}

function applyNetwork(ctx: Ctx, value: string): void {
  let name = value;
  let aliases: string[] = [];
  // The CLI's long form: --network name=net,alias=a,alias=b
  if (/^name=/.test(value) || /,alias=/.test(value)) {
    aliases = [];
    for (const part of value.split(",")) {
      const { key, value: v } = keyValue(part);
      if (key === "name") name = v;
      else if (key === "alias") aliases.push(v);
      else ctx.notImported.push(`--network ${shellQuote(value)} (${key})`);
    }
  }
  if (!ctx.spec.network) {
    ctx.spec.network = name;
    ctx.spec.aliases.push(...aliases);
  } else (ctx.spec.networks ??= []).push({ name, aliases });
}

export function applyValue(ctx: Ctx, flag: string, written: string, value: string): void {
  const { spec } = ctx;
  switch (flag) {
    case "--name":
      spec.name = value.replace(/^\//, "");
      return;
    case "--env": {
      const { key, value: v, hasValue } = keyValue(value);
      if (!key) return bad(ctx, written, value, "has no variable name");
      if (!hasValue)
        ctx.notices.push(
          `${key} has no value in the line (docker would copy it from your shell); fill it in`,
        );
      spec.env = spec.env.filter((e) => e.key !== key).concat({ key, value: v });
      return;
    }
    case "--env-file":
      ctx.notices.push(
        `--env-file ${value} was ignored: the file is on your machine; paste its lines into Environment`,
      );
      return;
    case "--label": {
      const { key, value: v } = keyValue(value);
      if (!key) return bad(ctx, written, value, "has no label name");
      spec.labels = spec.labels.filter((l) => l.key !== key).concat({ key, value: v });
      return;
    }
    case "--publish": {
      const p = parsePortSpec(value);
      if ("error" in p) return bad(ctx, written, value, p.error);
      spec.ports.push(p.value);
      return;
    }
    case "--volume": {
      const m = parseVolumeSpec(value);
      if ("error" in m) return bad(ctx, written, value, m.error);
      spec.mounts.push(m.value);
      return;
    }
    case "--tmpfs": {
      const m = parseTmpfsSpec(value);
      if ("error" in m) return bad(ctx, written, value, m.error);
      spec.mounts.push(m.value);
      return;
    }
    case "--mount": {
      const m = parseMountFlag(value);
      if ("error" in m) return bad(ctx, written, value, m.error);
      spec.mounts.push(m.value.mount);
      if (m.value.ignored.length)
        ctx.notImported.push(`--mount ${shellQuote(value)} (${m.value.ignored.join(", ")})`);
      return;
    }
    case "--network":
      return applyNetwork(ctx, value);
    case "--network-alias":
      spec.aliases.push(value);
      return;
    case "--restart": {
      const r = parseRestart(value);
      if ("error" in r) return bad(ctx, written, value, r.error);
      spec.restart = r;
      return;
    }
    case "--hostname":
      spec.hostname = value;
      return;
    case "--entrypoint":
      spec.entrypoint = [value];
      return;
    case "--workdir":
      spec.workingDir = value;
      return;
    case "--user":
      spec.user = value;
      return;
    case "--memory":
      return setLimit(ctx, written, value, "memory", parseBytes);
    case "--memory-reservation":
      return setLimit(ctx, written, value, "memoryReservation", parseBytes);
    case "--memory-swap":
      return setLimit(ctx, written, value, "memorySwap", (v) => (v === "-1" ? -1 : parseBytes(v)));
    case "--cpus":
      return setLimit(ctx, written, value, "nanoCpus", parseCpus);
    case "--cpu-shares":
      return setLimit(ctx, written, value, "cpuShares", int);
    case "--cpu-quota":
      return setLimit(ctx, written, value, "cpuQuota", int);
    case "--cpu-period":
      return setLimit(ctx, written, value, "cpuPeriod", int);
    case "--pids-limit":
      return setLimit(ctx, written, value, "pidsLimit", int);
    case "--blkio-weight":
      return setLimit(ctx, written, value, "blkioWeight", int);
    case "--cpuset-cpus":
    case "--cpuset-mems":
      if (parseCpuset(value) === undefined)
        return bad(ctx, written, value, `"${value}" is not a CPU list like 0-2,4`);
      spec.limits[flag === "--cpuset-cpus" ? "cpusetCpus" : "cpusetMems"] = value;
      return;
    case "--health-cmd":
      ctx.health.test = ["CMD-SHELL", value];
      ctx.health.set = true;
      return;
    case "--health-interval":
    case "--health-timeout":
    case "--health-start-period": {
      const ns = parseDuration(value);
      if (ns === undefined) return bad(ctx, written, value, `"${value}" is not a duration like 30s or 1m30s`);
      const field =
        flag === "--health-interval" ? "interval" : flag === "--health-timeout" ? "timeout" : "startPeriod";
      ctx.health[field] = ns;
      ctx.health.set = true;
      return;
    }
    case "--health-retries": {
      const n = int(value);
      if (n === undefined || n < 0) return bad(ctx, written, value, `"${value}" is not a whole number`);
      ctx.health.retries = n;
      ctx.health.set = true;
      return;
    }
  }
  if (CLIENT_ONLY_FLAGS[flag]) ctx.notices.push(`${written} ${value}: ${CLIENT_ONLY_FLAGS[flag]}`);
  else ctx.notImported.push(`${written} ${shellQuote(value)}`);
}

export const HANDLED_VALUE_FLAGS = new Set([
  "--name",
  "--env",
  "--env-file",
  "--label",
  "--publish",
  "--volume",
  "--tmpfs",
  "--mount",
  "--network",
  "--network-alias",
  "--restart",
  "--hostname",
  "--entrypoint",
  "--workdir",
  "--user",
  "--memory",
  "--memory-reservation",
  "--memory-swap",
  "--cpus",
  "--cpu-shares",
  "--cpu-quota",
  "--cpu-period",
  "--pids-limit",
  "--blkio-weight",
  "--cpuset-cpus",
  "--cpuset-mems",
  "--health-cmd",
  "--health-interval",
  "--health-timeout",
  "--health-start-period",
  "--health-retries",
]);

export function applyBoolean(ctx: Ctx, flag: string, written: string, on: boolean): void {
  const { spec } = ctx;
  switch (flag) {
    case "--detach":
      return;
    case "--interactive":
      spec.openStdin = on;
      return;
    case "--tty":
      spec.tty = on;
      return;
    case "--rm":
      spec.autoRemove = on;
      return;
    case "--oom-kill-disable":
      if (on) spec.limits.oomKillDisable = true;
      return;
    case "--no-healthcheck":
      if (on) {
        ctx.health = { test: ["NONE"], set: true };
      }
      return;
  }
  if (CLIENT_ONLY_FLAGS[flag]) ctx.notices.push(`${written}: ${CLIENT_ONLY_FLAGS[flag]}`);
  else ctx.notImported.push(on ? written : `${written}=false`);
}
