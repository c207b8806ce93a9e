"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useHostsQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import { formatBytes } from "@/lib/format";
import type { PruneResult } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";
import { DialogShell } from "./DialogShell";
import { defaultHost, HostSelect } from "./HostChecklist";
import { imagePaths, useImagesQuery } from "./queries";

/** Removes dangling (or all unused) images on one host and says how much space came back. */
export function PruneDialog({
  open,
  onClose,
  hostId,
}: {
  open: boolean;
  onClose: () => void;
  hostId?: string;
}) {
  return open ? <PruneForm onClose={onClose} hostId={hostId} /> : null;
}

function PruneForm({ onClose, hostId }: { onClose: () => void; hostId?: string }) {
  const hosts = useHostsQuery();
  const [target, setTarget] = useState(() => defaultHost(hosts.data?.items, hostId));
  const [all, setAll] = useState(false);
  const qc = useQueryClient();
  const images = useImagesQuery(target || undefined, { enabled: !!target });
  const candidates = (images.data?.items ?? []).filter((i) => (all ? i.unused : i.dangling));
  const estimate = candidates.reduce((n, i) => n + i.size, 0);
  const prune = useMutation({
    mutationFn: () => api<PruneResult>(imagePaths.prune(target), { method: "POST", body: { all } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.images(target) });
      void qc.invalidateQueries({ queryKey: queryKeys.allImages() });
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
        done ? (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="danger"
              disabled={!target || prune.isPending}
              onClick={() => prune.mutate()}
              data-testid="prune-submit"
            >
              {prune.isPending ? "Pruning…" : all ? "Remove unused images" : "Remove dangling images"}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div data-testid="prune-result">
          Removed {done.deleted.length} {done.deleted.length === 1 ? "layer or image" : "layers and images"}{" "}
          on {target}, reclaiming <b>{formatBytes(done.spaceReclaimed)}</b>.
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {!hostId && <HostSelect hosts={hosts.data?.items ?? []} value={target} onChange={setTarget} />}
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
          <p className="text-muted" data-testid="prune-estimate">
            {images.isPending
              ? "Counting…"
              : `${candidates.length} images match, about ${formatBytes(estimate)} (shared layers may keep some space in use).`}
          </p>
          <FormError message={prune.error?.message} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}
