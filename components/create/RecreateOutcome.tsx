"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/useErrorText";
import type { RecreateContainerResult } from "@/lib/container-spec/api-types";

/** The create messages, as `useTranslations("create")` gives them. */
type CreateT = ReturnType<typeof useTranslations<"create">>;

/** The steps a recreate went through, for the success message; the engine's warnings as they are. */
export function recreateSteps(r: RecreateContainerResult, t: CreateT): string {
  return [
    t("steps.setAside"),
    t(r.started ? "steps.createdStarted" : "steps.created"),
    r.oldKeptAs ? t("steps.keptOld", { name: r.oldKeptAs }) : t("steps.removedOld"),
    r.changed.length ? t("steps.changed", { fields: r.changed.join(", ") }) : t("steps.unchanged"),
    ...r.warnings,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * A failed create or recreate: the error in the user's language with the server's own words, and for
 * a recreate what became of the old container. The server puts the old one back on any failure, and
 * says "while undoing" when it could not.
 */
export function RecreateOutcome({ recreate, error }: { recreate: boolean; error: unknown }) {
  const t = useTranslations("create.outcome");
  const { title, original } = useErrorText()(error);
  const raw = error instanceof Error ? error.message : String(error);
  const undoFailed = /while undoing/.test(raw);
  return (
    <div className="rounded border border-bad/50 bg-bad/10 px-3 py-2" role="alert" data-testid="submit-error">
      <div className="font-medium text-bad">{recreate ? t("recreateFailed") : t("createFailed")}</div>
      <div>{title}</div>
      {original && <div className="font-mono text-xs break-words whitespace-pre-wrap">{original}</div>}
      {recreate && (
        <div className="mt-1" data-testid="restore-state">
          {undoFailed ? t("undoFailed") : t("restored")}
        </div>
      )}
    </div>
  );
}
