import { describe, expect, it } from "vitest";
import { errorField } from "@/components/api/error-field";
import { RULE_KINDS, RULE_PARAMS, ruleInputSchema, type Rule, type RuleParams } from "@/lib/alerts";
import { NEW_RULE, bodyOf, draftOf, ruleInputOf, ruleNumberProblem } from "./rule-draft";

/** A valid value for each parameter; one a new kind adds needs one here, or the round trip says so. */
const SAMPLE: Partial<Record<keyof RuleParams, number>> = {
  seconds: 45,
  restarts: 4,
  minutes: 10,
  percent: 92.5,
};

function stored(kind: Rule["kind"], scope: Rule["scope"]): Rule {
  const params = Object.fromEntries(RULE_PARAMS[kind].map((k) => [k, SAMPLE[k]]));
  // As the server stores it: parsed, defaults filled in.
  const input = ruleInputSchema.parse({
    name: `a ${kind} rule`,
    kind,
    enabled: false,
    scope,
    params,
    targets: [3, 1],
    cooldownSeconds: 120,
  });
  return { ...input, id: 7, createdAt: 1, createdBy: "admin" };
}

describe("a rule's draft", () => {
  const scopes: Rule["scope"][] = [
    {},
    { hosts: ["local", "edge"], labelSelector: "team=a", stack: "shop", service: "web" },
  ];

  it.each(RULE_KINDS.flatMap((kind) => scopes.map((scope) => [kind, scope] as const)))(
    "of a stored %s rule makes the rule's own input again (scope %j)",
    (kind, scope) => {
      const rule = stored(kind, scope);
      const body = bodyOf(draftOf(rule));
      expect(JSON.parse(JSON.stringify(body))).toEqual(ruleInputOf(rule));
      expect(ruleInputSchema.parse(body)).toEqual(ruleInputOf(rule));
    },
  );

  it("sends only the chosen kind's parameters, keeping the others typed for a switch back", () => {
    const d = { ...draftOf(stored("cpu", {})), kind: "restart-loop" as const };
    expect(bodyOf(d).params).toEqual({ restarts: 3, minutes: 5 });
    expect(d.params.percent).toBe("92.5");
    expect(bodyOf({ ...d, kind: "oom" }).params).toEqual({});
  });

  it("leaves out a blank cooldown, so the server's default applies", () => {
    expect(ruleInputSchema.parse(bodyOf({ ...NEW_RULE, name: "x", cooldown: " " })).cooldownSeconds).toBe(
      300,
    );
  });

  it("names a number field that holds something else, as the server would", () => {
    expect(ruleNumberProblem({ ...NEW_RULE, kind: "cpu" })).toBeUndefined();
    const bad = ruleNumberProblem({
      ...NEW_RULE,
      kind: "cpu",
      params: { ...NEW_RULE.params, seconds: "1m" },
    });
    expect(errorField(bad)).toBe("params.seconds");
    expect(bad?.message).toBe("params.seconds: must be a number");
    expect(errorField(ruleNumberProblem({ ...NEW_RULE, cooldown: "five" }))).toBe("cooldownSeconds");
    // Another kind's parameter is not sent, so it is not checked.
    expect(ruleNumberProblem({ ...NEW_RULE, kind: "oom", params: { percent: "lots" } })).toBeUndefined();
  });
});
