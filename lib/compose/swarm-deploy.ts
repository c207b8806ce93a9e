/**
 * The `deploy:` keys only a swarm honours, read as `docker stack deploy` reads them (the docker
 * CLI's cli/compose/convert), with the values the swarm would refuse reported before a deploy.
 */
import type { LoadContext } from "./context";
import { type Path, q } from "./issues";
import type { SwarmDeploy, SwarmUpdatePolicy } from "./model";
import type { RawService, RawUpdatePolicy } from "./raw";
import { readDuration } from "./service-runtime";
import { stringMap } from "./values";

type RestartPolicy = NonNullable<SwarmDeploy["restartPolicy"]>;
type RawDeploy = NonNullable<RawService["deploy"]>;

const MODES = ["replicated", "global"] as const;
const ENDPOINT_MODES = ["vip", "dnsrr"] as const;
const RESTART_CONDITIONS = ["none", "on-failure", "any"] as const;
const UPDATE_FAILURE_ACTIONS = ["continue", "pause", "rollback"] as const;
const ROLLBACK_FAILURE_ACTIONS = ["continue", "pause"] as const;
const ORDERS = ["stop-first", "start-first"] as const;
// swarmkit's constraint syntax: a key, "==" or "!=", and a value.
const CONSTRAINT = /^\s*[A-Za-z_][\w.-]*\s*(==|!=)\s*\S/;

export function swarmDeploy(ctx: LoadContext, raw: RawService, at: Path): SwarmDeploy {
  const deploy: RawDeploy = raw.deploy ?? {};
  const where: Path = [...at, "deploy"];
  const mode = oneOf(ctx, deploy.mode, MODES, [...where, "mode"]) ?? "replicated";
  if (mode === "global") globalReplicas(ctx, raw, at);
  const endpointMode = oneOf(ctx, deploy.endpoint_mode?.toLowerCase(), ENDPOINT_MODES, [
    ...where,
    "endpoint_mode",
  ]);
  if (endpointMode === "dnsrr") dnsrrPorts(ctx, raw, where);
  const restartPolicy = restartPolicyOf(ctx, raw, at);
  const updateConfig = updatePolicy(
    ctx,
    deploy.update_config,
    [...where, "update_config"],
    UPDATE_FAILURE_ACTIONS,
  );
  const rollbackConfig = updatePolicy(
    ctx,
    deploy.rollback_config,
    [...where, "rollback_config"],
    ROLLBACK_FAILURE_ACTIONS,
    "a rollback cannot itself roll back",
  );
  return {
    mode,
    labels: stringMap(deploy.labels),
    ...(endpointMode !== undefined ? { endpointMode } : {}),
    placement: placement(ctx, deploy.placement, [...where, "placement"]),
    ...(restartPolicy !== undefined ? { restartPolicy } : {}),
    ...(updateConfig !== undefined ? { updateConfig } : {}),
    ...(rollbackConfig !== undefined ? { rollbackConfig } : {}),
  };
}

/** `docker stack deploy` refuses replicas on a global service rather than ignore them. */
function globalReplicas(ctx: LoadContext, raw: RawService, at: Path): void {
  const key =
    raw.deploy?.replicas !== undefined
      ? ["deploy", "replicas"]
      : raw.scale !== undefined
        ? ["scale"]
        : undefined;
  if (key === undefined) return;
  ctx.issues.add(
    [...at, ...key],
    `a global service runs one task per node; drop the replicas or use mode: replicated`,
  );
}

/** The swarm refuses DNS round-robin beside ports published through its routing mesh. */
function dnsrrPorts(ctx: LoadContext, raw: RawService, where: Path): void {
  const meshed = (raw.ports ?? []).some((p) => typeof p !== "object" || p.mode !== "host");
  if (!meshed) return;
  ctx.issues.add(
    [...where, "endpoint_mode"],
    `"dnsrr" cannot publish ports through the routing mesh; publish them with mode: host, or use "vip"`,
  );
}

/**
 * `deploy.restart_policy` as it is, else the service's `restart:` converted. A bad `restart:` or
 * condition is reported once, by serviceRuntime, which reads both in every mode.
 */
function restartPolicyOf(ctx: LoadContext, raw: RawService, at: Path): RestartPolicy | undefined {
  const policy = raw.deploy?.restart_policy;
  if (!policy) return raw.restart === undefined ? undefined : fromRestart(raw.restart);
  const where = [...at, "deploy", "restart_policy"];
  const condition = isOneOf(RESTART_CONDITIONS, policy.condition) ? policy.condition : undefined;
  const delay = readDuration(ctx, policy.delay, [...where, "delay"]);
  const window = readDuration(ctx, policy.window, [...where, "window"]);
  const maxAttempts = count(ctx, policy.max_attempts, [...where, "max_attempts"]);
  return {
    ...(condition !== undefined ? { condition } : {}),
    ...(delay !== undefined ? { delay } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(window !== undefined ? { window } : {}),
  };
}

/**
 * `restart:` as `docker stack deploy` converts it, except that "no" asks the swarm for no restarts
 * ("none") where docker sends no policy and the swarm's default restarts the task anyway.
 */
function fromRestart(restart: string): RestartPolicy | undefined {
  if (restart === "no") return { condition: "none" };
  if (restart === "always" || restart === "unless-stopped") return { condition: "any" };
  const m = /^on-failure(?::(\d+))?$/.exec(restart);
  if (!m) return undefined;
  // "on-failure" alone, or ":0", leaves the attempts unlimited, as docker leaves them unset.
  const attempts = Number(m[1] ?? 0);
  return { condition: "on-failure", ...(attempts > 0 ? { maxAttempts: attempts } : {}) };
}

function updatePolicy(
  ctx: LoadContext,
  raw: RawUpdatePolicy | undefined,
  where: Path,
  actions: readonly NonNullable<SwarmUpdatePolicy["failureAction"]>[],
  why?: string,
): SwarmUpdatePolicy | undefined {
  if (!raw) return undefined;
  const failureAction = oneOf(ctx, raw.failure_action, actions, [...where, "failure_action"], why);
  const order = oneOf(ctx, raw.order, ORDERS, [...where, "order"]);
  const ratio = raw.max_failure_ratio;
  const ratioOk = ratio === undefined || (ratio >= 0 && ratio <= 1);
  if (!ratioOk) {
    ctx.issues.add(
      [...where, "max_failure_ratio"],
      `${ratio} must be between 0 and 1: it is the fraction of tasks that may fail`,
    );
  }
  const delay = readDuration(ctx, raw.delay, [...where, "delay"]);
  const monitor = readDuration(ctx, raw.monitor, [...where, "monitor"]);
  return {
    // docker stack deploy updates one task at a time unless told; the Engine's 0 would mean all at once.
    parallelism: count(ctx, raw.parallelism, [...where, "parallelism"]) ?? 1,
    ...(delay !== undefined ? { delay } : {}),
    ...(failureAction !== undefined ? { failureAction } : {}),
    ...(monitor !== undefined ? { monitor } : {}),
    ...(ratio !== undefined && ratioOk ? { maxFailureRatio: ratio } : {}),
    ...(order !== undefined ? { order } : {}),
  };
}

function placement(ctx: LoadContext, raw: RawDeploy["placement"], where: Path): SwarmDeploy["placement"] {
  const constraints = raw?.constraints ?? [];
  constraints.forEach((c, i) => {
    if (!CONSTRAINT.test(c)) {
      ctx.issues.add(
        [...where, "constraints", i],
        `${q(c)} is not a constraint such as "node.role==manager" or "node.labels.zone!=east"`,
      );
    }
  });
  const preferences: string[] = [];
  (raw?.preferences ?? []).forEach((p, i) => {
    if (p.spread === undefined || p.spread === "")
      ctx.issues.add([...where, "preferences", i], `needs "spread", such as spread: node.labels.zone`);
    else preferences.push(p.spread);
  });
  const max = count(ctx, raw?.max_replicas_per_node, [...where, "max_replicas_per_node"]);
  return {
    constraints: [...constraints],
    preferences,
    ...(max !== undefined ? { maxReplicasPerNode: max } : {}),
  };
}

/** A whole number the swarm keeps unsigned. */
function count(ctx: LoadContext, n: number | undefined, where: Path): number | undefined {
  if (n === undefined || n >= 0) return n;
  ctx.issues.add(where, "cannot be negative");
  return undefined;
}

function isOneOf<T extends string>(allowed: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (allowed as readonly string[]).includes(value);
}

/** The value when it is one of `allowed`; else an issue naming them (and why, when that helps). */
function oneOf<T extends string>(
  ctx: LoadContext,
  value: string | undefined,
  allowed: readonly T[],
  where: Path,
  why?: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (isOneOf(allowed, value)) return value;
  ctx.issues.add(where, `must be ${choices(allowed)}${why ? `: ${why}` : ""}`);
  return undefined;
}

/** `"a", "b" or "c"`. */
function choices(values: readonly string[]): string {
  const quoted = values.map((v) => q(v));
  const last = quoted.pop() ?? "";
  return quoted.length > 0 ? `${quoted.join(", ")} or ${last}` : last;
}
