"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSeesWholeHosts } from "@/components/hooks/useCan";
import { ChartsToggle } from "@/components/stats/ChartsToggle";
import { HistoryPanel } from "@/components/stats/HistoryPanel";

/**
 * A host page's stored charts of the host's totals: the toggle for its header and the panel above
 * its list, both nothing for a label-scoped user (the totals take in every container on the host).
 */
export function useHostHistory(hostId: string | undefined) {
  const t = useTranslations("stats.history");
  const wholeHost = useSeesWholeHosts();
  const [open, setOpen] = useState(false);
  if (!hostId || !wholeHost) return { toggle: null, panel: null };
  return {
    toggle: (
      <ChartsToggle
        open={open}
        onToggle={() => setOpen((o) => !o)}
        label={t("show")}
        title={t("showHint")}
        testId="host-history-toggle"
      />
    ),
    panel: open && (
      <div className="border-b border-line p-2">
        <HistoryPanel
          title={t("hostTitle")}
          note={t("hostNote")}
          source={{ kind: "host", hostId }}
          onClose={() => setOpen(false)}
          testId="host-history"
        />
      </div>
    ),
  };
}
