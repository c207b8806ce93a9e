"use client";
import type { LimitKey } from "@/components/quotas/limit-fields";
import { useNetworksQuery } from "@/components/networks/queries";
import { useVolumesQuery } from "@/components/volumes/queries";
import { BasicsSection } from "./BasicsSection";
import { EnvSection } from "./EnvSection";
import { LabelsSection } from "./LabelsSection";
import { LimitsSection } from "./LimitsSection";
import { MountsSection } from "./MountsSection";
import { NetworkSection } from "./NetworkSection";
import { PortsSection } from "./PortsSection";
import { RestartHealthSection } from "./RestartHealthSection";
import type { SectionProps } from "./section-props";

/** Every section of the create form, laid out in two columns on wide screens. */
export function SpecForm({ badLimit, ...props }: SectionProps & { hostId: string; badLimit?: LimitKey }) {
  const networks = useNetworksQuery(props.hostId);
  const volumes = useVolumesQuery(props.hostId);
  const networkNames = (networks.data?.items ?? []).map((n) => n.name);
  const volumeNames = (volumes.data?.items ?? []).filter((v) => !v.anonymous).map((v) => v.name);
  return (
    <div className="grid gap-3 xl:grid-cols-2">
      <div className="xl:col-span-2">
        <BasicsSection {...props} />
      </div>
      <EnvSection {...props} />
      <MountsSection {...props} volumeNames={volumeNames} />
      <NetworkSection {...props} networkNames={networkNames} />
      <PortsSection {...props} />
      <RestartHealthSection {...props} />
      <LabelsSection {...props} />
      <div className="xl:col-span-2">
        <LimitsSection {...props} badLimit={badLimit} />
      </div>
    </div>
  );
}
