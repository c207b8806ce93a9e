"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import { QueryGate } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import { CreateObjectDialog } from "./CreateObjectDialog";
import type { SwarmObject, SwarmObjectKind } from "./object-form";
import { useSwarmObjectsQuery } from "./queries";
import { RemoveObjectDialog } from "./RemoveObjectDialog";
import { SwarmObjectTable } from "./SwarmObjectTable";

/**
 * A swarm's configs or secrets: whole-host objects, so a label-scoped user is told calmly they are
 * not theirs. The list follows the section's watch: a create or remove here or with the CLI sends a
 * swarm event that refreshes it.
 */
export function SwarmObjectsPanel({ hostId, kind }: { hostId: string; kind: SwarmObjectKind }) {
  const t = useTranslations("swarm");
  const query = useSwarmObjectsQuery(hostId, kind);
  const canOperate = useCan("operate");
  const [dialog, setDialog] = useState<"create" | { remove: SwarmObject }>();
  const close = () => setDialog(undefined);
  if (query.error instanceof ApiError && query.error.status === 403)
    return <StatePanel title={t(`${kind}.forbidden.title`)}>{t("objects.forbidden")}</StatePanel>;
  return (
    <div className="flex flex-col">
      <div className="flex items-center gap-3 border-b border-line px-3 py-1.5">
        {/* On one baseline: the count and the smaller note beside it. */}
        <span className="flex items-baseline gap-3">
          {query.data && (
            <span className="text-muted" data-testid="object-count">
              {t(`${kind}.count`, { count: query.data.items.length })}
            </span>
          )}
          <span className="text-[11px] text-muted">{t(`${kind}.note`)}</span>
        </span>
        {canOperate && (
          <Button variant="primary" className="ml-auto" onClick={() => setDialog("create")}>
            {t(`${kind}.create`)}
          </Button>
        )}
      </div>
      <QueryGate query={query} loading={t(`${kind}.loading`)} failed={t(`${kind}.failed`)}>
        {({ items }) =>
          items.length === 0 ? (
            <StatePanel title={t(`${kind}.empty.title`)}>
              {canOperate ? t(`${kind}.empty.operate`) : t("objects.emptyRead")}
            </StatePanel>
          ) : (
            <SwarmObjectTable
              kind={kind}
              items={items}
              canOperate={canOperate}
              onRemove={(o) => setDialog({ remove: o })}
            />
          )
        }
      </QueryGate>
      {dialog === "create" && <CreateObjectDialog hostId={hostId} kind={kind} onClose={close} />}
      {typeof dialog === "object" && (
        <RemoveObjectDialog hostId={hostId} kind={kind} object={dialog.remove} onClose={close} />
      )}
    </div>
  );
}
