/** How a service's containers run: healthcheck, restart policy, resources, replicas and limits. */
import type { LoadContext } from "./context";
import { formatPath, type Path, q } from "./issues";
import type { ComposeService, ServiceHealthcheck, ServiceResources } from "./model";
import type { RawService } from "./raw";
import { parseByteSize, parseDuration } from "./units";

type Runtime = Pick<
  ComposeService,
  "healthcheck" | "restart" | "limits" | "reservations" | "replicas" | "ulimits" | "stopGracePeriod"
>;

/** A duration in nanoseconds; an issue at `where` and undefined when it is not one. */
export function readDuration(ctx: LoadContext, text: string | undefined, where: Path): number | undefined {
  if (text === undefined) return undefined;
  const ns = parseDuration(text);
  if (ns === undefined)
    ctx.issues.add(where, `${q(text)} is not a duration such as "1m30s", "10s" or "500ms"`);
  return ns;
}

export function serviceRuntime(ctx: LoadContext, raw: RawService, at: Path): Runtime {
  const duration = (text: string | undefined, where: Path) => readDuration(ctx, text, where);
  const grace = duration(raw.stop_grace_period, [...at, "stop_grace_period"]);
  return {
    ...optional("healthcheck", healthcheck(ctx, raw, at, duration)),
    ...optional("restart", restart(ctx, raw, at)),
    ...optional("stopGracePeriod", grace === undefined ? undefined : Math.ceil(grace / 1e9)),
    ...resources(ctx, raw, at),
    replicas: replicas(ctx, raw, at),
    ulimits: ulimits(ctx, raw, at),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function healthcheck(
  ctx: LoadContext,
  raw: RawService,
  at: Path,
  duration: (text: string | undefined, where: Path) => number | undefined,
): ServiceHealthcheck | undefined {
  const h = raw.healthcheck;
  if (!h) return undefined;
  const where = [...at, "healthcheck"];
  if (h.disable) return { test: ["NONE"] };
  let test: string[] | undefined;
  if (typeof h.test === "string") test = ["CMD-SHELL", h.test];
  else if (h.test) {
    if (!["NONE", "CMD", "CMD-SHELL"].includes(h.test[0] ?? "")) {
      ctx.issues.add([...where, "test"], `a list must start with "CMD", "CMD-SHELL" or "NONE"`);
    }
    test = [...h.test];
  }
  const out: ServiceHealthcheck = { ...optional("test", test) };
  const interval = duration(h.interval, [...where, "interval"]);
  const timeout = duration(h.timeout, [...where, "timeout"]);
  const startPeriod = duration(h.start_period, [...where, "start_period"]);
  return {
    ...out,
    ...optional("interval", interval),
    ...optional("timeout", timeout),
    ...optional("startPeriod", startPeriod),
    ...optional("retries", h.retries),
  };
}

const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

function restart(ctx: LoadContext, raw: RawService, at: Path): string | undefined {
  if (raw.restart !== undefined && !RESTART.test(raw.restart)) {
    ctx.issues.add(
      [...at, "restart"],
      `must be "no", "always", "on-failure", "on-failure:N" or "unless-stopped"`,
    );
  }
  const policy = raw.deploy?.restart_policy;
  if (!policy) return raw.restart;
  const where = [...at, "deploy", "restart_policy", "condition"];
  const condition = policy.condition ?? "any";
  const fromPolicy =
    condition === "none"
      ? "no"
      : condition === "any"
        ? "always"
        : condition === "on-failure"
          ? `on-failure${policy.max_attempts ? `:${policy.max_attempts}` : ""}`
          : undefined;
  if (fromPolicy === undefined) ctx.issues.add(where, `must be "none", "on-failure" or "any"`);
  else if (raw.restart !== undefined && raw.restart !== fromPolicy) {
    // docker stack deploy takes deploy.restart_policy and leaves `restart` aside.
    if (ctx.orchestrator === "swarm") {
      ctx.warnings.push(
        `${formatPath([...at, "restart"])}: ignored on a swarm, as \`docker stack deploy\` ignores it beside deploy.restart_policy`,
      );
    } else {
      ctx.issues.add(
        [...at, "restart"],
        `${q(raw.restart)} disagrees with deploy.restart_policy (${q(fromPolicy)}); keep one`,
      );
    }
  }
  return raw.restart ?? fromPolicy;
}

function resources(
  ctx: LoadContext,
  raw: RawService,
  at: Path,
): { limits: ServiceResources; reservations: ServiceResources } {
  const deploy = raw.deploy?.resources;
  const where = [...at, "deploy", "resources"];
  const pick = <T>(
    legacyKey: string,
    legacy: T | undefined,
    key: string,
    modern: T | undefined,
  ): [T | undefined, Path] => {
    if (legacy !== undefined && modern !== undefined && String(legacy) !== String(modern)) {
      ctx.issues.add(
        [...at, legacyKey],
        `${q(legacy)} disagrees with deploy.resources.${key} (${q(modern)}); keep one`,
      );
    }
    return modern !== undefined ? [modern, [...where, ...key.split(".")]] : [legacy, [...at, legacyKey]];
  };
  const bytes = ([v, path]: [string | number | undefined, Path]) => {
    if (v === undefined) return undefined;
    const n = parseByteSize(v);
    if (n === undefined) ctx.issues.add(path, `${q(v)} is not a size such as "512m" or "1g"`);
    return n;
  };
  const cpus = ([v, path]: [string | number | undefined, Path]) => {
    if (v === undefined) return undefined;
    const n = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
    if (!(n >= 0)) ctx.issues.add(path, `${q(v)} is not a number of CPUs such as 0.5 or 2`);
    return n >= 0 ? n : undefined;
  };
  const pids = ([v, path]: [string | number | undefined, Path]) => {
    if (v === undefined) return undefined;
    const n = typeof v === "number" ? v : /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n)) ctx.issues.add(path, `${q(v)} is not a whole number of processes`);
    return Number.isInteger(n) ? n : undefined;
  };
  const limits = {
    cpus: cpus(pick("cpus", raw.cpus, "limits.cpus", deploy?.limits?.cpus)),
    memory: bytes(pick("mem_limit", raw.mem_limit, "limits.memory", deploy?.limits?.memory)),
    pids: pids(pick("pids_limit", raw.pids_limit, "limits.pids", deploy?.limits?.pids)),
  };
  const reservations = {
    cpus: cpus([deploy?.reservations?.cpus, [...where, "reservations", "cpus"]]),
    memory: bytes(
      pick("mem_reservation", raw.mem_reservation, "reservations.memory", deploy?.reservations?.memory),
    ),
  };
  return { limits: defined(limits), reservations: defined(reservations) };
}

function defined<T extends object>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function replicas(ctx: LoadContext, raw: RawService, at: Path): number {
  const fromDeploy = raw.deploy?.replicas;
  if (fromDeploy !== undefined && raw.scale !== undefined && fromDeploy !== raw.scale) {
    ctx.issues.add([...at, "scale"], `${raw.scale} disagrees with deploy.replicas (${fromDeploy}); keep one`);
  }
  const n = fromDeploy ?? raw.scale ?? 1;
  if (n < 0)
    ctx.issues.add(
      [...at, fromDeploy !== undefined ? "deploy" : "scale"],
      "the number of replicas cannot be negative",
    );
  if (n > 1 && raw.container_name !== undefined) {
    ctx.issues.add([...at, "container_name"], `a fixed container name allows only one replica, not ${n}`);
  }
  return Math.max(n, 0);
}

function ulimits(ctx: LoadContext, raw: RawService, at: Path): ComposeService["ulimits"] {
  const out: ComposeService["ulimits"] = {};
  for (const [name, v] of Object.entries(raw.ulimits ?? {})) {
    const limit = typeof v === "number" ? { soft: v, hard: v } : { soft: v.soft, hard: v.hard };
    if (limit.soft > limit.hard)
      ctx.issues.add(
        [...at, "ulimits", name],
        `the soft limit ${limit.soft} is above the hard limit ${limit.hard}`,
      );
    out[name] = limit;
  }
  return out;
}
