"use client";
import { useTranslations } from "next-intl";
import { KV } from "@/components/ui/DetailSection";
import type { UpdatePolicy } from "@/lib/swarm/types";

/** An update or rollback policy as the engine holds it, durations as Go durations. */
export function PolicyView({ policy, testId }: { policy?: UpdatePolicy; testId: string }) {
  const t = useTranslations("swarm.policy");
  if (!policy) return <div className="text-muted">{t("engineDefault")}</div>;
  return (
    <div data-testid={testId}>
      <KV
        rows={[
          [t("parallelism"), policy.parallelism === 0 ? t("allAtOnce") : policy.parallelism, "parallelism"],
          [
            t("delay"),
            <span key="delay" className="font-mono text-xs">
              {policy.delay}
            </span>,
            "delay",
          ],
          [t("failureAction"), t(`failure.${policy.failureAction}`), "failureAction"],
          [
            t("monitor"),
            <span key="monitor" className="font-mono text-xs">
              {policy.monitor}
            </span>,
            "monitor",
          ],
          [t("maxFailureRatio"), policy.maxFailureRatio, "maxFailureRatio"],
          [t("order"), t(`orders.${policy.order}`), "order"],
        ]}
      />
    </div>
  );
}
