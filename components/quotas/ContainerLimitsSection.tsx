"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useUpdateResources } from "@/components/hooks/useUpdateResources";
import { useHostDisabled } from "@/components/hooks/useHostDisabled";
import type { ContainerLimits, ResourcesResult } from "@/lib/quotas";
import { hintOf, LIMIT_EDITORS, labelOf } from "./limit-fields";
import { LimitCell } from "./LimitCell";

/** The quota editor of the quota view, for one container on its own page. */
export function ContainerLimitsSection({
  hostId,
  containerId,
  name,
  limits,
}: {
  hostId: string;
  containerId: string;
  name: string;
  limits: ContainerLimits;
}) {
  // A host that cannot change limits live (Podman 4.3) shows them, says why, and offers no editor.
  const off = useHostDisabled(hostId, "liveLimits");
  const canEdit = useCan("operate") && !off;
  const t = useTranslations("quotas");
  const update = useUpdateResources(hostId, containerId, name);
  const [last, setLast] = useState<ResourcesResult>();
  const apply = async (req: Parameters<typeof update.mutateAsync>[0]) => {
    const res = await update.mutateAsync(req);
    setLast(res);
    return res;
  };
  return (
    <>
      {off && (
        <p className="mb-2 text-muted" data-testid="limits-disabled">
          {off}
        </p>
      )}
      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1" data-testid="limits">
        {LIMIT_EDITORS.map((f) => (
          <div key={f.key} className="contents">
            <dt className="text-muted" title={hintOf(t, f)}>
              {labelOf(t, f)}
            </dt>
            <dd>
              <LimitCell
                field={f}
                limits={last?.applied ?? limits}
                canEdit={canEdit}
                onApply={apply}
                lastResult={last}
              />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
