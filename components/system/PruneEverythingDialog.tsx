"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { useModal } from "@/components/ui/useModal";
import { LabelFilterField, labelFilters } from "@/components/volumes/LabelFilterField";
import type { SystemPruneRequest } from "@/lib/system";
import { PrunePreviewList, PruneResultList } from "./PruneKindList";
import { usePrunePreviewQuery, useSystemPrune } from "./queries";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * "Prune everything": choose what is included, read the preview of exactly what goes, confirm, then
 * read each kind's outcome. The confirm button names the count and size from the preview.
 */
export function PruneEverythingDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const ref = useModal(true);
  const t = useTranslations("system.prune");
  const fmt = useFormat();
  const errorLine = useErrorLine();
  const [images, setImages] = useState<"dangling" | "all">("dangling");
  const [volumes, setVolumes] = useState(false);
  const [buildCache, setBuildCache] = useState(true);
  const [label, setLabel] = useState("");
  // The preview walks the engine's disk usage: ask once typing pauses, not on every keystroke.
  const labels = labelFilters(useDebounced(label, 400));
  const req: SystemPruneRequest = {
    images,
    volumes,
    buildCache,
    ...(labels.length ? { filters: { label: labels } } : {}),
  };
  const prune = useSystemPrune(hostId);
  const preview = usePrunePreviewQuery(hostId, req, !prune.data && !prune.isPending);
  const count = preview.data
    ? Object.values(preview.data.kinds).reduce((n, k) => n + (k.included ? k.items.length : 0), 0)
    : 0;
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        if (!prune.isPending) onClose();
      }}
      className="m-auto w-[36rem] max-w-[95vw] rounded border border-line bg-panel p-0 text-fg backdrop:bg-black/50"
      data-testid="prune-everything"
    >
      <div className="flex flex-col gap-3 p-4">
        <h2 className="text-base font-semibold">
          {prune.data ? t("titleDone", { host: hostId }) : t("title", { host: hostId })}
        </h2>
        {prune.data ? (
          <PruneResultList result={prune.data} />
        ) : (
          <>
            <fieldset className="flex flex-wrap gap-x-4 gap-y-1" disabled={prune.isPending}>
              <label className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={images === "all"}
                  onChange={(e) => setImages(e.target.checked ? "all" : "dangling")}
                />
                {t("allImages")}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />
                {t.rich("volumes", { bad: (c) => <span className="text-bad">{c}</span> })}
              </label>
              <label className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={buildCache}
                  onChange={(e) => setBuildCache(e.target.checked)}
                />
                {t("buildCache")}
              </label>
            </fieldset>
            <LabelFilterField value={label} onChange={setLabel} />
            {preview.isPending ? (
              <div className="text-muted">{t("reading")}</div>
            ) : preview.error ? (
              <div className="text-bad" role="alert">
                {t("previewFailed", { error: errorLine(preview.error) })}
              </div>
            ) : (
              <PrunePreviewList preview={preview.data} />
            )}
            {prune.isPending && (
              <div
                className="h-1.5 overflow-hidden rounded bg-panel-2"
                role="progressbar"
                aria-label={t("progress")}
              >
                <div className="h-full w-1/3 animate-pulse rounded bg-accent" />
              </div>
            )}
          </>
        )}
        {prune.error && (
          <div className="text-bad" role="alert" data-testid="dialog-error">
            {errorLine(prune.error)}
          </div>
        )}
        <div className="flex justify-end gap-2">
          {prune.data ? (
            <Button variant="primary" onClick={onClose} autoFocus>
              {t("close")}
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={prune.isPending}>
                {t("cancel")}
              </Button>
              <Button
                variant="danger"
                disabled={!preview.data || count === 0 || prune.isPending}
                onClick={() => prune.mutate(req)}
                data-testid="confirm-prune"
              >
                {prune.isPending
                  ? t("pruning")
                  : count === 0
                    ? t("nothing")
                    : t("confirm", { count, size: fmt.bytes(preview.data?.totalSize ?? 0) })}
              </Button>
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
