import type { LimitKey, QuotasT } from "@/components/quotas/limit-fields";
import type { ContainerSpec, HealthcheckSpec } from "@/lib/container-spec/types";
import { formatDuration, parseDuration } from "@/lib/container-spec/values";
import { joinArgs, splitArgs } from "./argv";
import { isLimitProblem, limitsFromTexts, limitTexts } from "./limits-form";

/** The parts of a spec the form holds as typed text until submit, so half-typed input is kept. */
export interface SpecTexts {
  cmd: string;
  entrypoint: string;
  aliases: string;
  limits: Record<string, string>;
  healthTest: string;
  healthInterval: string;
  healthTimeout: string;
  healthStartPeriod: string;
  healthRetries: string;
}

export interface SpecDraft {
  spec: ContainerSpec;
  texts: SpecTexts;
}

/** The command a healthcheck runs, as the form shows it: CMD-SHELL text, or CMD's argv joined. */
function healthText(h: HealthcheckSpec | undefined): string {
  if (!h || !h.test.length) return "";
  const [kind, ...rest] = h.test;
  if (kind === "CMD-SHELL") return rest.join(" ");
  if (kind === "CMD") return joinArgs(rest);
  return kind === "NONE" ? "NONE" : joinArgs(h.test);
}

export function draftOf(spec: ContainerSpec): SpecDraft {
  const h = spec.healthcheck;
  return {
    spec,
    texts: {
      cmd: joinArgs(spec.cmd),
      entrypoint:
        spec.entrypoint.length === 1 && spec.entrypoint[0] === "" ? "''" : joinArgs(spec.entrypoint),
      aliases: spec.aliases.join(" "),
      limits: limitTexts(spec.limits),
      healthTest: healthText(h),
      healthInterval: durationText(h?.interval),
      healthTimeout: durationText(h?.timeout),
      healthStartPeriod: durationText(h?.startPeriod),
      healthRetries: h?.retries ? String(h.retries) : "",
    },
  };
}

/** A problem found before sending, by its key in the create catalog's `problem` messages. */
export type DraftProblemKey =
  | "imageRequired"
  | "command"
  | "entrypoint"
  | "healthDuration"
  | "healthRetries"
  | "envName"
  | "portMissing"
  | "mountTarget";

/**
 * A problem found before sending: which form field, and what to say there. Limits are checked by the
 * quota editor's own code, which words its problems itself.
 */
export type DraftProblem =
  | { field: string; key: DraftProblemKey; values?: Record<string, string> }
  | { field: "limits"; limit: LimitKey; message: string };

const durationText = (ns: number | undefined) => (ns ? formatDuration(ns) : "");
/** An empty duration is the engine's default; a bare number is seconds, as people type it. */
const durationOf = (text: string) => {
  const t = text.trim();
  return !t ? 0 : /^\d+$/.test(t) ? Number(t) * 1e9 : parseDuration(t);
};

function healthcheckOf(t: SpecTexts): HealthcheckSpec | undefined | DraftProblem {
  const test = t.healthTest.trim();
  if (!test) return undefined;
  const durations = {
    interval: durationOf(t.healthInterval),
    timeout: durationOf(t.healthTimeout),
    startPeriod: durationOf(t.healthStartPeriod),
  };
  for (const [k, v] of Object.entries(durations))
    if (v === undefined) return { field: "healthcheck", key: "healthDuration", values: { name: k } };
  const retries = t.healthRetries.trim() ? Number(t.healthRetries) : 0;
  if (!Number.isInteger(retries) || retries < 0) return { field: "healthcheck", key: "healthRetries" };
  return {
    test: test === "NONE" ? ["NONE"] : ["CMD-SHELL", test],
    interval: durations.interval ?? 0,
    timeout: durations.timeout ?? 0,
    startPeriod: durations.startPeriod ?? 0,
    retries,
  };
}

/**
 * The spec to send, or the first problem with what was typed. Blank rows are dropped. `t` words the
 * limits' problems, as the quota editor does.
 */
export function specOf(d: SpecDraft, t: QuotasT): ContainerSpec | DraftProblem {
  const s = d.spec;
  if (!s.image.trim()) return { field: "image", key: "imageRequired" };
  // A command's syntax error is the shell parser's own words, kept as they are.
  const cmd = splitArgs(d.texts.cmd);
  if (typeof cmd === "string") return { field: "cmd", key: "command", values: { detail: cmd } };
  const entrypoint = splitArgs(d.texts.entrypoint);
  if (typeof entrypoint === "string")
    return { field: "entrypoint", key: "entrypoint", values: { detail: entrypoint } };
  const limits = limitsFromTexts(d.texts.limits, s.limits, t);
  if (isLimitProblem(limits)) return { field: "limits", ...limits };
  const healthcheck = healthcheckOf(d.texts);
  if (healthcheck && "field" in healthcheck) return healthcheck;
  const badEnv = s.env.find((e) => e.key.includes("=") || (!e.key.trim() && e.value));
  if (badEnv) return { field: "env", key: "envName", values: { key: badEnv.key } };
  const badPort = s.ports.find((p) => !p.containerPort.trim());
  if (badPort) return { field: "ports", key: "portMissing" };
  const badMount = s.mounts.find((m) => !m.target.startsWith("/"));
  if (badMount) return { field: "mounts", key: "mountTarget", values: { target: badMount.target } };
  return {
    ...s,
    image: s.image.trim(),
    name: s.name.trim(),
    cmd,
    entrypoint,
    aliases: d.texts.aliases.split(/[\s,]+/).filter(Boolean),
    env: s.env.filter((e) => e.key.trim()),
    labels: s.labels.filter((l) => l.key.trim()),
    limits,
    healthcheck: healthcheck ?? (s.healthcheck?.test[0] === "NONE" ? s.healthcheck : undefined),
  };
}
