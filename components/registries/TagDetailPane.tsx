"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { PullDialog } from "@/components/images/PullDialog";
import { registryHost } from "@/components/images/pull-ref";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
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
  const tr = useTranslations("registries.tag");
  const errorLine = useErrorLine();
  const format = useFormat();
  if (q.isPending) return <StatePanel tone="loading" title={tr("loading", { ref: `${repo}:${tag}` })} />;
  if (q.error)
    return (
      <StatePanel tone="error" title={tr("cannotShow", { ref: `${repo}:${tag}` })}>
        {errorLine(q.error)}
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
              {tr("pull")}
            </Button>
          )}
          {isAdmin && (
            <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
              {tr("delete")}
            </Button>
          )}
        </span>
      </div>
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{tr("digest")}</dt>
        <dd className="font-mono text-xs break-all" data-testid="tag-digest">
          {t.digest}
        </dd>
        <dt className="text-muted">{tr("mediaType")}</dt>
        <dd className="font-mono text-xs">{t.mediaType}</dd>
        <dt className="text-muted">{t.kind === "index" ? tr("manifests") : tr("size")}</dt>
        <dd data-testid="tag-size">
          {format.bytes(t.size)}
          {t.kind === "index" && <span className="text-muted"> {tr("pickPlatform")}</span>}
        </dd>
        {!Number.isNaN(created) && (
          <>
            <dt className="text-muted">{tr("created")}</dt>
            <dd title={t.created}>{format.dateTime(created)}</dd>
          </>
        )}
        {t.os && (
          <>
            <dt className="text-muted">{tr("platform")}</dt>
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
  const t = useTranslations("registries.tag");
  return (
    <section className="mb-4">
      <h3 className="mb-1 font-medium">{t("platforms")}</h3>
      <ul className="flex flex-col gap-0.5" data-testid="tag-platforms">
        {detail.platforms?.map((p) => (
          <li key={p.digest} className="flex items-center gap-3">
            <button type="button" className="text-accent hover:underline" onClick={() => onOpen(p.digest)}>
              {p.os === "unknown"
                ? t("attestation")
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
  const t = useTranslations("registries.tag");
  const format = useFormat();
  return (
    <section>
      <h3 className="mb-1 font-medium">
        {t("layers")} <span className="text-[11px] text-muted">{layers.length}</span>
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
            <span className="text-right text-xs">{format.bytes(l.size)}</span>
          </li>
        ))}
      </ol>
      {config && (
        <p className="mt-2 text-[11px] text-muted">
          {t.rich("config", {
            digest: short(config.digest),
            size: format.bytes(config.size),
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
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
  const t = useTranslations("registries.tag");
  const errorLine = useErrorLine();
  const ref = `${repo}:${detail.reference}`;
  const remove = useMutation({
    mutationFn: () => api(registryPaths.tag(registryId, repo, detail.reference), { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", t("deleted", { ref }));
      void qc.invalidateQueries({ queryKey: queryKeys.registryTags(registryId, repo) });
      void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
      onClose();
      onDeleted();
    },
  });
  return (
    <ConfirmDialog
      open
      title={t("deleteTitle", { ref })}
      confirmLabel={remove.isPending ? t("deleting") : t("delete")}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      {t.rich("deleteBody", {
        digest: short(detail.digest),
        repo,
        mono: (chunks) => <span className="font-mono">{chunks}</span>,
      })}
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
