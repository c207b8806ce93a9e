"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatLocal } from "@/components/admin/bits";
import { api } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { PullDialog } from "@/components/images/PullDialog";
import { registryHost } from "@/components/images/pull-ref";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { formatBytes } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import type { RegistryDescriptor, RegistryTagDetail } from "@/lib/types";
import { registryPaths, useRegistriesQuery, useTagQuery } from "@/components/hooks/registry-queries";

const short = (digest: string) => digest.replace(/^(\w+:)?(.{12}).*$/, "$1$2");

export function TagDetailPane({
  registryId,
  repo,
  tag,
  onOpen,
  onDeleted,
}: {
  registryId: number;
  repo: string;
  tag: string;
  /** Opens another reference of this repository: a platform's digest. */
  onOpen: (ref: string) => void;
  onDeleted: () => void;
}) {
  const q = useTagQuery(registryId, repo, tag);
  const isAdmin = useCan("admin");
  const canOperate = useCan("operate");
  const registry = useRegistriesQuery().data?.items.find((r) => r.id === registryId);
  const [confirming, setConfirming] = useState(false);
  const [pulling, setPulling] = useState(false);
  if (q.isPending) return <StatePanel tone="loading" title={`Loading ${repo}:${tag}…`} />;
  if (q.error)
    return (
      <StatePanel tone="error" title={`Cannot show ${repo}:${tag}`}>
        {q.error.message}
      </StatePanel>
    );
  const t = q.data;
  const created = t.created ? Date.parse(t.created) : NaN;
  return (
    <div className="min-h-0 flex-1 overflow-auto p-3" data-testid="tag-detail">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="font-mono text-sm font-semibold break-all">
          {repo}
          {tag.includes(":") ? "@" : ":"}
          {tag}
        </h2>
        <span className="ml-auto flex items-center gap-1.5">
          {canOperate && registry && (
            <Button size="sm" variant="primary" onClick={() => setPulling(true)} data-testid="tag-pull">
              Pull to host…
            </Button>
          )}
          {isAdmin && (
            <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
              Delete tag
            </Button>
          )}
        </span>
      </div>
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">Digest</dt>
        <dd className="font-mono text-xs break-all" data-testid="tag-digest">
          {t.digest}
        </dd>
        <dt className="text-muted">Media type</dt>
        <dd className="font-mono text-xs">{t.mediaType}</dd>
        <dt className="text-muted">{t.kind === "index" ? "Manifests" : "Size"}</dt>
        <dd data-testid="tag-size">
          {formatBytes(t.size)}
          {t.kind === "index" && <span className="text-muted"> (pick a platform for its layers)</span>}
        </dd>
        {!Number.isNaN(created) && (
          <>
            <dt className="text-muted">Created</dt>
            <dd title={t.created}>{formatLocal(created)}</dd>
          </>
        )}
        {t.os && (
          <>
            <dt className="text-muted">Platform</dt>
            <dd>{[t.os, t.architecture].filter(Boolean).join("/")}</dd>
          </>
        )}
      </dl>
      {t.platforms && <Platforms detail={t} onOpen={onOpen} />}
      {t.kind === "manifest" && <Layers layers={t.layers} config={t.config} />}
      {registry && (
        <PullDialog
          open={pulling}
          onClose={() => setPulling(false)}
          preset={{
            image: `${registryHost(registry.url)}/${repo}${tag.includes(":") ? "@" : ":"}${tag}`,
            registryId,
          }}
        />
      )}
      {confirming && (
        <DeleteTagDialog
          registryId={registryId}
          repo={repo}
          detail={t}
          onClose={() => setConfirming(false)}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}

function Platforms({ detail, onOpen }: { detail: RegistryTagDetail; onOpen: (ref: string) => void }) {
  return (
    <section className="mb-4">
      <h3 className="mb-1 font-medium">Platforms</h3>
      <ul className="flex flex-col gap-0.5" data-testid="tag-platforms">
        {detail.platforms?.map((p) => (
          <li key={p.digest} className="flex items-center gap-3">
            <button type="button" className="text-accent hover:underline" onClick={() => onOpen(p.digest)}>
              {p.os === "unknown"
                ? "attestation"
                : [p.os, p.architecture, p.variant].filter(Boolean).join("/")}
            </button>
            <span className="font-mono text-[11px] text-muted" title={p.digest}>
              {short(p.digest)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Each layer as a bar against the largest one, so the heavy layers stand out at a glance. */
function Layers({ layers, config }: { layers: RegistryDescriptor[]; config?: RegistryDescriptor }) {
  const max = Math.max(1, ...layers.map((l) => l.size));
  return (
    <section>
      <h3 className="mb-1 font-medium">
        Layers <span className="text-[11px] text-muted">{layers.length}</span>
      </h3>
      <ol className="flex flex-col gap-1" data-testid="tag-layers">
        {layers.map((l, i) => (
          <li key={`${l.digest}-${i}`} className="grid grid-cols-[2rem_9rem_1fr_5rem] items-center gap-2">
            <span className="text-right text-[11px] text-muted">{i + 1}</span>
            <span className="truncate font-mono text-[11px]" title={l.digest}>
              {short(l.digest)}
            </span>
            <span className="h-2 overflow-hidden rounded bg-panel-2">
              <span
                className="block h-full bg-accent"
                style={{ width: `${Math.max(0.5, (l.size / max) * 100)}%` }}
              />
            </span>
            <span className="text-right text-xs">{formatBytes(l.size)}</span>
          </li>
        ))}
      </ol>
      {config && (
        <p className="mt-2 text-[11px] text-muted">
          Config <span className="font-mono">{short(config.digest)}</span>, {formatBytes(config.size)}
        </p>
      )}
    </section>
  );
}

function DeleteTagDialog({
  registryId,
  repo,
  detail,
  onClose,
  onDeleted,
}: {
  registryId: number;
  repo: string;
  detail: RegistryTagDetail;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: () => api(registryPaths.tag(registryId, repo, detail.reference), { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", `${repo}:${detail.reference} deleted`);
      void qc.invalidateQueries({ queryKey: queryKeys.registryTags(registryId, repo) });
      void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
      onClose();
      onDeleted();
    },
  });
  return (
    <ConfirmDialog
      open
      title={`Delete ${repo}:${detail.reference}?`}
      confirmLabel={remove.isPending ? "Deleting…" : "Delete tag"}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      Registries delete manifests, not names: this deletes{" "}
      <span className="font-mono">{short(detail.digest)}</span>, and every other tag of {repo} on the same
      digest goes with it. Its layers stay until the registry collects garbage.
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {remove.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
