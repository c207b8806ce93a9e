"use client";
import { useTranslations } from "next-intl";
import { TableHead } from "@/components/ui/QueryGate";
import { Button } from "@/components/ui/Button";
import { IntentLink } from "@/components/ui/IntentLink";
import type { SwarmService } from "@/lib/swarm/types";
import { LabelChips } from "./LabelChips";
import { ReplicaBar } from "./ReplicaBar";
import { ScaleControl } from "./ScaleControl";
import { UpdateStatusBadge } from "./UpdateStatusBadge";

const cell = "px-2 py-1 align-middle";

/** A host's services, one dense row each; scaling and removal only for those who may operate. */
export function ServiceTable({
  hostId,
  services,
  canOperate,
  onRemove,
}: {
  hostId: string;
  services: SwarmService[];
  canOperate: boolean;
  onRemove: (s: SwarmService) => void;
}) {
  const t = useTranslations("swarm.services");
  const labels = [t("name"), t("mode"), t("replicas"), t("image"), t("update"), t("labels")];
  return (
    <table className="w-full border-collapse text-left [&_th]:px-2" data-testid="service-table">
      <TableHead labels={canOperate ? [...labels, t("scale"), ""] : labels} sticky />
      <tbody>
        {services.map((s) => (
          <tr
            key={s.id}
            className="border-b border-line/60 hover:bg-panel-2 [&>td]:[overflow-wrap:anywhere]"
            data-testid={`service-${s.name}`}
          >
            <td className={`${cell} font-medium`}>
              <IntentLink
                href={`/hosts/${hostId}/swarm/services/${encodeURIComponent(s.name)}`}
                className="text-accent hover:underline"
              >
                {s.name}
              </IntentLink>
            </td>
            <td className={`${cell} text-muted`}>{t(`modes.${s.mode}`)}</td>
            <td className={cell}>
              <ReplicaBar running={s.running} desired={s.replicas} />
            </td>
            <td className={`${cell} font-mono text-xs`}>{s.image}</td>
            <td className={cell}>
              <UpdateStatusBadge status={s.updateStatus} />
            </td>
            <td className={cell}>
              <LabelChips labels={s.labels} />
            </td>
            {canOperate && (
              <>
                <td className={cell}>
                  {s.mode === "replicated" ? <ScaleControl hostId={hostId} service={s} /> : null}
                </td>
                <td className={`${cell} text-right`}>
                  <Button
                    size="sm"
                    variant="danger"
                    onClick={() => onRemove(s)}
                    aria-label={t("removeName", { name: s.name })}
                  >
                    {t("remove")}
                  </Button>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
