import { fieldProblem } from "@/components/ui/form-check";
import { RULE_PARAMS, type Rule, type RuleInput, type RuleKind, type RuleParams } from "@/lib/alerts";

type ParamKey = keyof RuleParams;

/** What the rule form holds: every value as typed. */
export interface RuleDraft {
  name: string;
  kind: RuleKind;
  enabled: boolean;
  /** Every parameter typed so far, so switching kinds back and forth keeps them. */
  params: Partial<Record<ParamKey, string>>;
  labelSelector: string;
  stack: string;
  service: string;
  hosts: string;
  cooldown: string;
  targets: number[];
}

/** A new rule's parameters until the admin types others; a parameter with none starts empty. */
const PARAM_DEFAULTS: Partial<Record<ParamKey, string>> = {
  seconds: "60",
  restarts: "3",
  minutes: "5",
  percent: "80",
};

export const NEW_RULE: RuleDraft = {
  name: "",
  kind: "exit",
  enabled: true,
  params: PARAM_DEFAULTS,
  labelSelector: "",
  stack: "",
  service: "",
  hosts: "",
  cooldown: "300",
  targets: [],
};

/** A rule as the API takes it, without what the server adds. */
export function ruleInputOf({ id: _i, createdAt: _c, createdBy: _b, ...input }: Rule): RuleInput {
  return input;
}

/** The form prefilled from a stored rule. */
export function draftOf(r: Rule): RuleDraft {
  const typed = Object.entries(r.params).flatMap(([k, v]): [string, string][] =>
    v === undefined ? [] : [[k, String(v)]],
  );
  return {
    name: r.name,
    kind: r.kind,
    enabled: r.enabled,
    params: { ...PARAM_DEFAULTS, ...Object.fromEntries(typed) },
    labelSelector: r.scope.labelSelector ?? "",
    stack: r.scope.stack ?? "",
    service: r.scope.service ?? "",
    hosts: (r.scope.hosts ?? []).join(", "),
    cooldown: String(r.cooldownSeconds),
    targets: [...r.targets],
  };
}

const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : Number(s));

/** The request a draft makes: only its kind's parameters, the numbers as typed so the server names a bad one. */
export function bodyOf(d: RuleDraft) {
  const params = Object.fromEntries(RULE_PARAMS[d.kind].map((k) => [k, num(d.params[k])]));
  const hosts = d.hosts
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
  return {
    name: d.name,
    kind: d.kind,
    enabled: d.enabled,
    params,
    scope: {
      ...(hosts.length ? { hosts } : {}),
      ...(d.labelSelector.trim() ? { labelSelector: d.labelSelector.trim() } : {}),
      ...(d.stack.trim() ? { stack: d.stack.trim() } : {}),
      ...(d.service.trim() ? { service: d.service.trim() } : {}),
    },
    targets: d.targets,
    cooldownSeconds: num(d.cooldown),
  };
}

/** A number field holding something else, named as the server names its fields; JSON would send it as null. */
export function ruleNumberProblem(d: RuleDraft): Error | undefined {
  const typed: [string, string | undefined][] = [
    ...RULE_PARAMS[d.kind].map((k): [string, string | undefined] => [`params.${k}`, d.params[k]]),
    ["cooldownSeconds", d.cooldown],
  ];
  const bad = typed.find(([, v]) => !Number.isFinite(num(v) ?? 0));
  return bad && fieldProblem(bad[0], "must be a number");
}
