"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import type { PruneResult } from "@/lib/images/types";
import { DialogShell, OperationFooter, type HostDialogProps } from "./DialogShell";
import { HostSelect, useTargetHost } from "./HostChecklist";
import { problemText, type FormProblem } from "./problem";
import { imagePaths, invalidateImages, useImagesQuery } from "./queries";

/** An example label filter: a value, the same in every language. */
const LABEL_EXAMPLE = "team=payments";

/** Removes dangling (or all unused) images on one host and says how much space came back. */
export function PruneDialog({ open, ...props }: HostDialogProps) {
  return open ? <PruneForm {...props} /> : null;
}

function PruneForm({ onClose, hostId }: Omit<HostDialogProps, "open">) {
  const { hosts, target, setTarget } = useTargetHost(hostId);
  const [all, setAll] = useState(false);
  const [label, setLabel] = useState("");
  const t = useTranslations("images");
  const format = useFormat();
  const labelProblem: FormProblem | undefined =
    label.trim() && !/^[^=\s]+(=\S*)?$/.test(label.trim())
      ? { field: "labels", reason: { key: "keyOrKeyValue" } }
      : undefined;
  const qc = useQueryClient();
  const images = useImagesQuery(target || undefined, { enabled: !!target });
  // What the engine's prune takes: images no container uses, untagged ones only unless `all`.
  const candidates = (images.data?.items ?? []).filter(
    (i) => i.unused && (all || i.dangling) && matchesLabel(i.labels, label.trim()),
  );
  const estimate = candidates.reduce((n, i) => n + i.size, 0);
  const prune = useMutation({
    mutationFn: () =>
      api<PruneResult>(imagePaths.prune(target), {
        method: "POST",
        body: { all, ...(label.trim() ? { labels: [label.trim()] } : {}) },
      }),
    onSettled: () => {
      invalidateImages(qc, target);
    },
  });
  const done = prune.data;
  return (
    <DialogShell
      open
      title={t("prune.title")}
      onClose={onClose}
      testId="prune-dialog"
      footer={
        <OperationFooter
          started={!!done}
          onClose={onClose}
          action={
            <Button
              variant="danger"
              disabled={!target || prune.isPending || !!labelProblem}
              onClick={() => prune.mutate()}
              data-testid="prune-submit"
            >
              {prune.isPending ? t("prune.pruning") : all ? t("prune.submitAll") : t("prune.submitDangling")}
            </Button>
          }
        />
      }
    >
      {done ? (
        <div data-testid="prune-result">
          {t.rich("prune.result", {
            count: done.deleted.length,
            host: target,
            size: format.bytes(done.spaceReclaimed),
            b: (chunks) => <b>{chunks}</b>,
          })}
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {!hostId && <HostSelect hosts={hosts} value={target} onChange={setTarget} />}
          <fieldset className="flex flex-col gap-1">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} />
              {t("prune.dangling")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} />
              {t("prune.all")}
            </label>
          </fieldset>
          <Field label={t("prune.label")} hint={t("prune.labelHint")}>
            <input
              className={`${inputClass} font-mono`}
              aria-label={t("prune.labelFilter")}
              placeholder={LABEL_EXAMPLE}
              value={label}
              aria-invalid={!!labelProblem}
              onChange={(e) => setLabel(e.target.value)}
            />
          </Field>
          <FormError error={labelProblem && problemText(t, labelProblem)} />
          <p className="text-muted" data-testid="prune-estimate">
            {images.isPending
              ? t("prune.counting")
              : t("prune.estimate", { count: candidates.length, size: format.bytes(estimate) })}
          </p>
          <FormError error={prune.error} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}

function matchesLabel(labels: Record<string, string>, filter: string): boolean {
  if (!filter) return true;
  const eq = filter.indexOf("=");
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}
