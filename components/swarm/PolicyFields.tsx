"use client";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/ui/ChoiceField";
import { TextField } from "@/components/ui/Form";
import { FAILURE_ACTIONS, UPDATE_ORDERS, type FailureAction, type UpdateOrder } from "@/lib/swarm/types";

export interface PolicyDraft {
  parallelism: string;
  delay: string;
  failureAction: FailureAction;
  order: UpdateOrder;
}

/** A Go duration, the same in every language. */
const DELAY_EXAMPLE = "10s";

/** The update policy's four fields in one row; `at` says the server's reason beside its field. */
export function PolicyFields<D extends PolicyDraft>({
  draft,
  onChange,
  at,
  columns = 4,
}: {
  /** 2 in a narrow dialog, 4 on a page. */
  columns?: 2 | 4;
  draft: D;
  onChange: (d: D) => void;
  at: (field: string) => string | undefined;
}) {
  const t = useTranslations("swarm.policy");
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-muted">{t("legend")}</legend>
      <div className={`grid gap-2 ${columns === 2 ? "grid-cols-2" : "grid-cols-4"}`}>
        <TextField
          label={t("parallelism")}
          name="parallelism"
          inputMode="numeric"
          className="w-full font-mono text-xs"
          value={draft.parallelism}
          error={at("updateConfig.parallelism")}
          onValue={(parallelism) => onChange({ ...draft, parallelism })}
        />
        <TextField
          label={t("delay")}
          name="delay"
          placeholder={DELAY_EXAMPLE}
          className="w-full font-mono text-xs"
          value={draft.delay}
          error={at("updateConfig.delay")}
          onValue={(delay) => onChange({ ...draft, delay })}
        />
        <ChoiceField
          label={t("failureAction")}
          value={draft.failureAction}
          choices={FAILURE_ACTIONS}
          say={(c) => t(`failure.${c}`)}
          error={at("updateConfig.failureAction")}
          onChoose={(failureAction) => onChange({ ...draft, failureAction })}
        />
        <ChoiceField
          label={t("order")}
          value={draft.order}
          choices={UPDATE_ORDERS}
          say={(c) => t(`orders.${c}`)}
          error={at("updateConfig.order")}
          onChoose={(order) => onChange({ ...draft, order })}
        />
      </div>
    </fieldset>
  );
}
