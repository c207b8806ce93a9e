"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { PushImageDialog } from "@/components/images/PushImageDialog";
import { Button } from "@/components/ui/Button";
import { StatePanel } from "@/components/ui/StatePanel";
import type { ChangeKind, ChangeNode, CommitResult } from "@/lib/files/types";
import { CommitDialog } from "./CommitDialog";
import { useChangesQuery } from "./files-api";

const KIND_STYLE: Record<ChangeKind, string> = {
  A: "text-ok",
  C: "text-warn",
  D: "text-bad line-through",
};

/**
 * What the container has changed since it was created from its image (`docker diff`), as a tree
 * with A, C and D marks. A file that is still there opens in the Files tab; Commit freezes it all
 * into a new image.
 */
export function ChangesTab({
  hostId,
  containerId,
  onOpenFile,
}: {
  hostId: string;
  containerId: string;
  onOpenFile: (path: string) => void;
}) {
  const t = useTranslations("files.changes");
  const q = useChangesQuery(hostId, containerId);
  const errorLine = useErrorLine();
  const canOperate = useCan("operate");
  const [committing, setCommitting] = useState(false);
  const [committed, setCommitted] = useState<CommitResult>();
  const [pushing, setPushing] = useState(false);
  if (q.isPending) return <StatePanel tone="loading" title={t("loading")} />;
  if (q.error)
    return (
      <StatePanel tone="error" title={t("failed")}>
        {errorLine(q.error)}
      </StatePanel>
    );
  const { counts, tree, items } = q.data;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="changes-tab">
      <div className="flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-1.5">
        <span data-testid="changes-counts">
          <span className="text-ok">{t("added", { count: counts.A })}</span> ·{" "}
          <span className="text-warn">{t("changed", { count: counts.C })}</span> ·{" "}
          <span className="text-bad">{t("deleted", { count: counts.D })}</span>
        </span>
        <span className="text-muted">{t("since")}</span>
        <span className="ml-auto flex items-center gap-2">
          <Button size="sm" onClick={() => void q.refetch()}>
            {t("refresh")}
          </Button>
          {canOperate && (
            <Button size="sm" variant="primary" onClick={() => setCommitting(true)} data-testid="commit-open">
              {t("commit")}
            </Button>
          )}
        </span>
      </div>
      {committed && (
        <div
          className="flex flex-wrap items-center gap-2 border-b border-ok/40 bg-ok/10 px-3 py-1.5"
          data-testid="commit-result"
        >
          {t("committed", { ref: committed.ref })}
          <Link
            className="underline"
            href={`/hosts/${encodeURIComponent(hostId)}/images/${encodeURIComponent(committed.id)}`}
          >
            {t("openImage")}
          </Link>
          <Button size="sm" onClick={() => setPushing(true)} data-testid="commit-push">
            {t("push")}
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <StatePanel title={t("none")}>{t("noneHint")}</StatePanel>
      ) : (
        <ul className="min-h-0 flex-1 overflow-auto px-3 py-2 font-mono text-xs" data-testid="changes-tree">
          {tree.map((n) => (
            <ChangeItem key={n.path} node={n} depth={0} onOpen={onOpenFile} />
          ))}
        </ul>
      )}
      {committing && (
        <CommitDialog
          hostId={hostId}
          containerId={containerId}
          counts={counts}
          items={items}
          onClose={() => setCommitting(false)}
          onCommitted={(r) => {
            setCommitting(false);
            setCommitted(r);
          }}
        />
      )}
      {pushing && committed && (
        <PushImageDialog hostId={hostId} tags={[committed.ref]} onClose={() => setPushing(false)} />
      )}
    </div>
  );
}

function ChangeItem({
  node,
  depth,
  onOpen,
}: {
  node: ChangeNode;
  depth: number;
  onOpen: (path: string) => void;
}) {
  const t = useTranslations("files.changes");
  const folder = node.children.length > 0;
  return (
    <li data-testid={`change-${node.path}`} data-kind={node.kind ?? ""}>
      <div className="flex items-center gap-2 py-0.5" style={{ paddingLeft: depth * 14 }}>
        <span
          className={`w-3 font-semibold ${node.kind ? KIND_STYLE[node.kind] : "text-muted"}`}
          title={node.kind ? t(`kind.${node.kind}`) : undefined}
        >
          {node.kind ?? ""}
        </span>
        {node.kind !== "D" && !folder ? (
          <button className="hover:underline" onClick={() => onOpen(node.path)}>
            {node.name}
          </button>
        ) : (
          <span className={node.kind === "D" ? KIND_STYLE.D : folder ? "font-semibold" : ""}>
            {node.name}
            {folder ? "/" : ""}
          </span>
        )}
      </div>
      {folder && (
        <ul>
          {node.children.map((c) => (
            <ChangeItem key={c.path} node={c} depth={depth + 1} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}
