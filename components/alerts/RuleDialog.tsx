"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { ChoiceField } from "@/components/ui/ChoiceField";
import { FormDialog, TextField } from "@/components/ui/Form";
import { RULE_KINDS, RULE_PARAMS, type Rule, type TargetView } from "@/lib/alerts";
import { RULES_KEY } from "./query-keys";
import { useSaveDialog } from "./useSaveDialog";
import { NEW_RULE, bodyOf, draftOf, ruleNumberProblem, type RuleDraft } from "./rule-draft";

type TextKey = "name" | "labelSelector" | "stack" | "service" | "hosts" | "cooldown";

/** The rule form: a new rule, or a stored one prefilled and replaced whole when saved. */
export function RuleDialog({
  rule,
  targets,
  onClose,
}: {
  rule?: Rule;
  targets: TargetView[];
  onClose: () => void;
}) {
  const t = useTranslations("alerts");
  const [d, setD] = useState<RuleDraft>(() => (rule ? draftOf(rule) : NEW_RULE));
  const { errors, dialog } = useSaveDialog(
    RULES_KEY,
    () => {
      const problem = ruleNumberProblem(d);
      if (problem) return Promise.reject(problem);
      return rule
        ? api<Rule>(`/api/v1/alerts/rules/${rule.id}`, { method: "PUT", body: bodyOf(d) })
        : api<Rule>("/api/v1/alerts/rules", { method: "POST", body: bodyOf(d) });
    },
    onClose,
  );
  const text = (key: TextKey, field: string) => ({
    name: key,
    value: d[key],
    error: errors.at(field),
    onValue: (v: string) => setD({ ...d, [key]: v }),
  });
  // A rule may still name a target removed since; it is listed so it can be unticked.
  const choices = [
    ...targets.map((x) => ({ id: x.id, name: x.name, note: t(`targetKind.${x.kind}`) })),
    ...d.targets
      .filter((id) => !targets.some((x) => x.id === id))
      .map((id) => ({ id, name: `#${id}`, note: t("rules.targetGone") })),
  ];
  const fields = (
    <>
      <TextField label={t("rules.name")} {...text("name", "name")} autoFocus data-testid="rule-name" />
      <ChoiceField
        label={t("rules.kind")}
        value={d.kind}
        choices={RULE_KINDS}
        say={(k) => t(`kind.${k}`)}
        onChoose={(kind) => setD({ ...d, kind })}
        error={errors.at("kind")}
        testId="rule-kind"
      />
      <div className="text-[11px] text-muted">{t(`kindHelp.${d.kind}`)}</div>
      {RULE_PARAMS[d.kind].length > 0 && (
        <div className="flex flex-wrap gap-2">
          {RULE_PARAMS[d.kind].map((k) => (
            <TextField
              key={k}
              label={t(`param.${k}`)}
              name={k}
              value={d.params[k] ?? ""}
              error={errors.at(`params.${k}`)}
              onValue={(v) => setD({ ...d, params: { ...d.params, [k]: v } })}
              inputMode="decimal"
              className="w-24"
              data-testid={`rule-${k}`}
            />
          ))}
        </div>
      )}
      <div className="grid grid-cols-2 gap-2">
        <TextField label={t("rules.labelSelector")} {...text("labelSelector", "scope.labelSelector")} />
        <TextField
          label={t("rules.hosts")}
          placeholder={t("rules.allHosts")}
          {...text("hosts", "scope.hosts")}
        />
        <TextField label={t("rules.stack")} {...text("stack", "scope.stack")} />
        <TextField label={t("rules.service")} {...text("service", "scope.service")} />
      </div>
      <fieldset className="flex flex-col gap-1" aria-invalid={!!errors.at("targets") || undefined}>
        <legend className="mb-1 text-muted">{t("rules.targets")}</legend>
        {choices.length === 0 && <span className="text-[11px] text-muted">{t("rules.noTargets")}</span>}
        {choices.map((x) => (
          <label key={x.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={d.targets.includes(x.id)}
              onChange={(e) =>
                setD({
                  ...d,
                  targets: e.target.checked ? [...d.targets, x.id] : d.targets.filter((y) => y !== x.id),
                })
              }
            />
            {x.name} <span className="text-[11px] text-muted">{x.note}</span>
          </label>
        ))}
        {errors.at("targets") && (
          <span className="text-[11px] text-bad" data-testid="field-error">
            {errors.at("targets")}
          </span>
        )}
      </fieldset>
      <div className="flex items-end gap-4">
        <TextField
          label={t("rules.cooldown")}
          className="w-24"
          inputMode="numeric"
          {...text("cooldown", "cooldownSeconds")}
        />
        <label className="flex h-[26px] items-center gap-2">
          <input
            type="checkbox"
            checked={d.enabled}
            data-testid="rule-enabled"
            onChange={(e) => setD({ ...d, enabled: e.target.checked })}
          />
          {t("rules.enabled")}
        </label>
      </div>
    </>
  );
  return (
    <FormDialog
      title={rule ? t("rules.editTitle", { name: rule.name }) : t("rules.new")}
      submitLabel={rule ? t("rules.save") : t("rules.create")}
      {...dialog()}
    >
      {fields}
    </FormDialog>
  );
}
