"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { AlertList } from "./AlertList";
import { RulesPanel } from "./RulesPanel";
import { SilencesPanel } from "./SilencesPanel";
import { TargetsPanel } from "./TargetsPanel";

type Tab = "alerts" | "silences" | "rules" | "targets";

/** Alerts in scope for everyone; rules and delivery targets for admins. */
export function AlertsPage() {
  const t = useTranslations("alerts");
  const admin = useCan("admin");
  const [tab, setTab] = useState<Tab>("alerts");
  const tabs: Tab[] = admin ? ["alerts", "silences", "rules", "targets"] : ["alerts", "silences"];
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-4 border-b border-line px-3 py-2">
        <h1 className="text-base font-semibold">{t("title")}</h1>
        <div role="tablist" className="flex gap-1 text-xs">
          {tabs.map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              aria-selected={tab === x}
              data-testid={`alerts-tab-${x}`}
              onClick={() => setTab(x)}
              className={`rounded px-2 py-1 ${tab === x ? "bg-panel-2 font-semibold" : "text-muted hover:text-fg"}`}
            >
              {t(`tab.${x}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === "alerts" && <AlertList />}
      {tab === "silences" && <SilencesPanel />}
      {tab === "rules" && <RulesPanel />}
      {tab === "targets" && <TargetsPanel />}
    </div>
  );
}
