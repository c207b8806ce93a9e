"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { formatBytes } from "@/lib/format";
import type { PruneResult } from "@/lib/images/types";
import { DialogShell, OperationFooter, type HostDialogProps } from "./DialogShell";
import { HostSelect, useTargetHost } from "./HostChecklist";
import { imagePaths, invalidateImages, useImagesQuery } from "./queries";

/** Removes dangling (or all unused) images on one host and says how much space came back. */
export function PruneDialog({ open, ...props }: HostDialogProps) {
  return open ? <PruneForm {...props} /> : null;
}

function PruneForm({ onClose, hostId }: Omit<HostDialogProps, "open">) {
  const { hosts, target, setTarget } = useTargetHost(hostId);
  const [all, setAll] = useState(false);
  const [label, setLabel] = useState("");
  const labelProblem =
    label.trim() && !/^[^=\s]+(=\S*)?$/.test(label.trim()) ? "labels: must be key or key=value" : undefined;
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
      title="Prune images"
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
              {prune.isPending ? "Pruning…" : all ? "Remove unused images" : "Remove dangling images"}
            </Button>
          }
        />
      }
    >
      {done ? (
        <div data-testid="prune-result">
          Removed {done.deleted.length} {done.deleted.length === 1 ? "layer or image" : "layers and images"}{" "}
          on {target}, reclaiming <b>{formatBytes(done.spaceReclaimed)}</b>.
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {!hostId && <HostSelect hosts={hosts} value={target} onChange={setTarget} />}
          <fieldset className="flex flex-col gap-1">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} />
              Dangling only: untagged images, usually left by rebuilds
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} />
              All unused: every image no container uses, tagged or not
            </label>
          </fieldset>
          <Field label="Only images with the label" hint="key or key=value; empty for every image">
            <input
              className={`${inputClass} font-mono`}
              aria-label="Label filter"
              placeholder="team=payments"
              value={label}
              aria-invalid={!!labelProblem}
              onChange={(e) => setLabel(e.target.value)}
            />
          </Field>
          <FormError message={labelProblem} />
          <p className="text-muted" data-testid="prune-estimate">
            {images.isPending
              ? "Counting…"
              : `${candidates.length} ${candidates.length === 1 ? "image matches" : "images match"}, about ${formatBytes(estimate)} (shared layers may keep some space in use).`}
          </p>
          <FormError message={prune.error?.message} testId="dialog-error" />
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
