"use client";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/ui/ChoiceField";
import { TextField } from "@/components/ui/Form";
import { FAILURE_ACTIONS, UPDATE_ORDERS, type FailureAction } from "@/lib/swarm/types";
import type { PolicyDraft } from "./service-form";

/** Go durations and a ratio, the same in every language. */
const EXAMPLES = { delay: "10s", monitor: "5s", maxFailureRatio: "0–1" } as const;

/**
 * An update or rollback policy: how fast it goes (parallelism, delay, order), then what counts as
 * failing and what happens then (failure action, monitor, failures allowed). In four columns the two
 * rows sit under each other with the hint beside the second; in two, three rows and the hint.
 * `at` says the server's reason beside its field.
 */
export function PolicyFields<D extends PolicyDraft>({
  draft,
  onChange,
  at,
  columns = 4,
  policy = "updateConfig",
  actions = FAILURE_ACTIONS,
}: {
  /** 2 in a narrow dialog, 4 on a page. */
  columns?: 2 | 4;
  draft: D;
  onChange: (d: D) => void;
  at: (field: string) => string | undefined;
  /** Which of the service's policies this is: its legend, and the body field its errors name. */
  policy?: "updateConfig" | "rollbackConfig";
  /** The failure actions the policy takes: a rollback cannot itself roll back. */
  actions?: readonly FailureAction[];
}) {
  const t = useTranslations("swarm.policy");
  // The update policy keeps its inputs' plain names; the rollback's are told apart from them.
  const name = (field: string) => (policy === "updateConfig" ? field : `rollback-${field}`);
  const text = (field: "parallelism" | "delay" | "monitor" | "maxFailureRatio") => ({
    label: t(field),
    name: name(field),
    className: "w-full font-mono text-xs",
    value: draft[field],
    error: at(`${policy}.${field}`),
    onValue: (v: string) => onChange({ ...draft, [field]: v }),
  });
  return (
    <fieldset className="flex flex-col gap-1" data-testid={`policy-${policy}`}>
      <legend className="mb-1 text-muted">
        {t(policy === "updateConfig" ? "legend" : "rollbackLegend")}
      </legend>
      <div className={`grid items-start gap-2 ${columns === 2 ? "grid-cols-2" : "grid-cols-4"}`}>
        <TextField {...text("parallelism")} inputMode="numeric" />
        <TextField {...text("delay")} placeholder={EXAMPLES.delay} />
        <ChoiceField
          label={t("order")}
          value={draft.order}
          choices={UPDATE_ORDERS}
          say={(c) => t(`orders.${c}`)}
          error={at(`${policy}.order`)}
          onChoose={(order) => onChange({ ...draft, order })}
        />
        <ChoiceField
          label={t("failureAction")}
          value={draft.failureAction}
          choices={actions}
          say={(c) => t(`failure.${c}`)}
          error={at(`${policy}.failureAction`)}
          onChoose={(failureAction) => onChange({ ...draft, failureAction })}
        />
        <TextField {...text("monitor")} placeholder={EXAMPLES.monitor} />
        <TextField {...text("maxFailureRatio")} inputMode="decimal" placeholder={EXAMPLES.maxFailureRatio} />
        <p className="col-span-2 self-center text-[11px] text-muted">{t("failureHint")}</p>
      </div>
    </fieldset>
  );
}
