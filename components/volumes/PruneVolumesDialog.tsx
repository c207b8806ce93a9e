"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { VolumeSummary } from "@/lib/volumes";
import { LabelFilterField, labelFilters } from "./LabelFilterField";
import { usePruneVolumes } from "./queries";

/** Prune unused volumes of one host, then say what went and how much space came back. */
export function PruneVolumesDialog({
  hostId,
  volumes,
  onClose,
}: {
  hostId: string;
  volumes: VolumeSummary[];
  onClose: () => void;
}) {
  const t = useTranslations("volumes.prune");
  const errorLine = useErrorLine();
  const format = useFormat();
  const prune = usePruneVolumes();
  const [all, setAll] = useState(false);
  const [label, setLabel] = useState("");
  const unused = volumes.filter(
    (v) => v.hostId === hostId && v.usedBy.length === 0 && v.refCount <= 0 && v.prunable,
  );
  const kept = volumes.filter((v) => v.hostId === hostId && v.usedBy.length === 0 && !v.prunable).length;
  const done = prune.data;
  return (
    <ConfirmDialog
      open
      title={done ? t("doneTitle") : t("title", { host: hostId })}
      confirmLabel={done ? t("close") : prune.isPending ? t("pruning") : t("confirm")}
      onCancel={onClose}
      onConfirm={() => (done ? onClose() : prune.mutate({ hostId, all, labels: labelFilters(label) }))}
    >
      {done ? (
        <div data-testid="prune-result">
          <p>
            {t("result", { count: done.deleted.length, size: format.bytes(done.spaceReclaimed) })}
            {done.covered === "anonymous" && ` ${t("anonymousOnly")}`}
          </p>
          <ul className="mt-2 max-h-40 overflow-auto font-mono text-xs">
            {done.deleted.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="mb-2">
            {t("unused", {
              count: unused.length,
              anonymous: unused.filter((v) => v.anonymous).length,
              named: unused.filter((v) => !v.anonymous).length,
            })}
            {kept > 0 && ` ${t("kept", { count: kept })}`}
          </p>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
            />
            <span>{t("includeNamed")}</span>
          </label>
          <LabelFilterField value={label} onChange={setLabel} />
        </>
      )}
      {prune.error && (
        <span
          className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
          role="alert"
          data-testid="dialog-error"
        >
          {errorLine(prune.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
