"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import { QueryGate } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import type { SwarmService } from "@/lib/swarm/types";
import { CreateServiceDialog } from "./CreateServiceDialog";
import { useServicesQuery } from "./queries";
import { RemoveServiceDialog } from "./RemoveServiceDialog";
import { ServiceTable } from "./ServiceTable";

/** A swarm host's services: the list, live through the section's watch, with create, scale and remove. */
export function ServicesPanel({ hostId }: { hostId: string }) {
  const t = useTranslations("swarm.services");
  const query = useServicesQuery(hostId);
  const canOperate = useCan("operate");
  const [dialog, setDialog] = useState<"create" | { remove: SwarmService }>();
  const close = () => setDialog(undefined);
  return (
    <div className="flex flex-col">
      <div className="flex items-center gap-3 border-b border-line px-3 py-1.5">
        <span className="text-muted" data-testid="service-count">
          {query.data &&
            t("count", {
              count: query.data.items.length,
              tasks: query.data.items.reduce((n, s) => n + s.running, 0),
            })}
        </span>
        {canOperate && (
          <Button variant="primary" className="ml-auto" onClick={() => setDialog("create")}>
            {t("create")}
          </Button>
        )}
      </div>
      <QueryGate query={query} loading={t("loading")} failed={t("failed")}>
        {({ items }) =>
          items.length === 0 ? (
            <StatePanel title={t("empty.title")}>
              {canOperate ? t("empty.operate") : t("empty.read")}
            </StatePanel>
          ) : (
            <ServiceTable
              hostId={hostId}
              services={[...items].sort((a, b) => a.name.localeCompare(b.name))}
              canOperate={canOperate}
              onRemove={(s) => setDialog({ remove: s })}
            />
          )
        }
      </QueryGate>
      {dialog === "create" && <CreateServiceDialog hostId={hostId} onClose={close} />}
      {typeof dialog === "object" && (
        <RemoveServiceDialog hostId={hostId} service={dialog.remove} onClose={close} />
      )}
    </div>
  );
}
