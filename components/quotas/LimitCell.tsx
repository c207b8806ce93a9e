"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import type { ContainerLimits, ResourcesResult } from "@/lib/quotas";
import type { ResourcesRequest } from "@/lib/schemas";
import { hintOf, labelOf, requestFor, shownText, type LimitField } from "./limit-fields";

/**
 * A limit shown in human units; click (or Enter) to edit in place, Enter applies, Escape cancels.
 * Input is checked with the server's own schema first, so a bad value never reaches the engine.
 */
export function LimitCell({
  field,
  limits,
  canEdit,
  onApply,
  lastResult,
  children,
}: {
  field: LimitField;
  limits: ContainerLimits;
  canEdit: boolean;
  onApply: (req: ResourcesRequest) => Promise<ResourcesResult>;
  lastResult?: ResourcesResult;
  children?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const t = useTranslations("quotas");
  const errorLine = useErrorLine();
  const discarded = lastResult?.notApplied.some((n) => n.field === field.field);
  const shown = field.shown(limits);
  const label = labelOf(t, field);
  const hint = hintOf(t, field);
  /** "unlimited", "default" or "all": nothing set, so the editor starts empty. */
  const unset = "word" in shown;

  if (!editing) {
    return (
      <div data-testid={`limit-${field.key}`}>
        <button
          type="button"
          disabled={!canEdit}
          className={`font-mono text-xs ${canEdit ? "rounded px-0.5 hover:bg-panel-2 hover:underline" : ""} ${unset ? "text-muted" : ""}`}
          title={canEdit ? t("edit", { label, hint }) : label}
          onClick={() => {
            setValue(unset ? "" : shown.value);
            setError(undefined);
            setEditing(true);
          }}
        >
          {shownText(t, shown)}
        </button>
        {discarded && (
          <span
            className="ml-1 rounded border border-bad/50 px-1 text-[10px] text-bad"
            title={t("discardedHelp")}
          >
            {t("notApplied")}
          </span>
        )}
        {children}
      </div>
    );
  }

  const submit = () => {
    const req = requestFor(field, value, t);
    if (typeof req === "string") return setError(req);
    setBusy(true);
    onApply(req)
      .then(() => setEditing(false))
      .catch((e: unknown) => setError(errorLine(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="flex flex-col gap-0.5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        autoFocus
        aria-label={label}
        className="w-28 rounded border border-accent bg-bg px-1 font-mono text-xs"
        value={value}
        placeholder={hint}
        disabled={busy}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setEditing(false);
        }}
      />
      {error && (
        <span className="max-w-48 text-[10px] text-bad" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
