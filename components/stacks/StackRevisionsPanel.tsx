"use client";
import { useTranslations } from "next-intl";
import { useErrorLine } from "@/components/i18n/useErrorText";
import type { StackRevision } from "@/lib/stacks/types";
import { useStackRevisionsQuery } from "./queries";
import { StackRevisionsTable } from "./StackRevisionsTable";

/** A stack's saved revisions, with a diff against the current file and a deploy of any of them. */
export function StackRevisionsPanel({
  hostId,
  name,
  current,
  canOperate,
  busy,
  onDiff,
  onDeploy,
}: {
  hostId: string;
  name: string;
  current?: StackRevision;
  canOperate: boolean;
  busy: boolean;
  onDiff: (revision: number) => void;
  onDeploy: (revision: number, rollback: boolean) => void;
}) {
  const t = useTranslations("stacks.revisions");
  const errorLine = useErrorLine();
  const q = useStackRevisionsQuery(hostId, name);
  if (q.isPending) return <div className="text-muted">{t("loading")}</div>;
  if (q.error)
    return (
      <div className="text-bad" role="alert">
        {t("failed", { error: errorLine(q.error) })}
      </div>
    );
  if (!q.data.items.length) return <div className="text-muted">{t("none")}</div>;
  return (
    <StackRevisionsTable
      items={q.data.items}
      current={current?.revision}
      canOperate={canOperate}
      busy={busy}
      onDiff={onDiff}
      onDeploy={onDeploy}
    />
  );
}
