"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { specToDockerRun } from "@/lib/container-spec/docker-run";
import { specOf, type SpecDraft } from "./spec-draft";
import { useProblemText } from "./useProblemText";

/** Start-after-create, the submit button, and the `docker run` line the form amounts to. */
export function CreateFooter({
  draft,
  mode,
  busy,
  fieldError,
  onStartChange,
  keepRunState,
  onKeepRunState,
}: {
  draft: SpecDraft;
  mode: "new" | "duplicate" | "recreate";
  busy: boolean;
  fieldError?: string;
  onStartChange: (start: boolean) => void;
  /** Recreate only: leave the new container running or stopped as the old one was. */
  keepRunState?: boolean;
  onKeepRunState?: (keep: boolean) => void;
}) {
  const t = useTranslations("create.footer");
  const tq = useTranslations("quotas");
  const problemText = useProblemText();
  const [showLine, setShowLine] = useState(false);
  const spec = showLine ? specOf(draft, tq) : undefined;
  const label = mode === "recreate" ? t("recreate") : t("create");
  return (
    <footer className="border-t border-line bg-panel px-3 py-2">
      {showLine && (
        <pre
          className="mb-2 max-h-28 overflow-auto rounded bg-panel-2 p-2 font-mono text-[11px] break-all whitespace-pre-wrap"
          data-testid="docker-run-preview"
        >
          {spec && "field" in spec
            ? t("notValid", { problem: problemText(spec) })
            : spec && specToDockerRun(spec)}
        </pre>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {mode === "recreate" && onKeepRunState ? (
          <label className="flex items-center gap-1.5">
            {t("afterwards")}
            <select
              name="run-state"
              className={inputClass}
              value={keepRunState ? "same" : draft.spec.start ? "start" : "stop"}
              onChange={(e) => {
                onKeepRunState(e.target.value === "same");
                if (e.target.value !== "same") onStartChange(e.target.value === "start");
              }}
            >
              <option value="same">{t("keepState")}</option>
              <option value="start">{t("started")}</option>
              <option value="stop">{t("leftStopped")}</option>
            </select>
          </label>
        ) : (
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              name="start"
              checked={draft.spec.start}
              onChange={(e) => onStartChange(e.target.checked)}
            />
            {t("startAfter")}
          </label>
        )}
        <Button size="sm" variant="ghost" onClick={() => setShowLine((v) => !v)}>
          {showLine ? t("hideLine") : t("showLine")}
        </Button>
        {fieldError && (
          <span className="text-bad" role="status">
            {fieldError}
          </span>
        )}
        <Button
          type="submit"
          variant="primary"
          className="ml-auto"
          disabled={busy}
          data-testid="submit-create"
        >
          {busy ? (mode === "recreate" ? t("recreating") : t("creating")) : label}
        </Button>
      </div>
    </footer>
  );
}
