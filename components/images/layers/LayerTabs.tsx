"use client";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { DetailSection } from "@/components/ui/DetailSection";
import { LayerView } from "../LayerView";
import { LayerExplorer } from "./LayerExplorer";

const TABS = ["history", "explorer"] as const;
type Tab = (typeof TABS)[number];

/** The image's layers two ways: the history as bars, and the explorer of the files in each layer. */
export function LayerTabs({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const t = useTranslations("images.explorer");
  const asked = useSearchParams().get("layers");
  const [tab, setTab] = useState<Tab>(asked === "explorer" ? "explorer" : "history");
  return (
    <div className="flex flex-col">
      <nav className="flex gap-1" role="tablist" aria-label={t("tabs")}>
        {TABS.map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            data-testid={`layers-tab-${k}`}
            className={`rounded-t border border-b-0 px-3 py-1 ${tab === k ? "border-line bg-panel font-medium" : "border-transparent text-muted hover:text-fg"}`}
            onClick={() => setTab(k)}
          >
            {t(`tab.${k}`)}
          </button>
        ))}
      </nav>
      {tab === "history" ? (
        <LayerView hostId={hostId} imageRef={imageRef} />
      ) : (
        <DetailSection title={t("title")} testId="layer-explorer-section">
          <LayerExplorer hostId={hostId} imageRef={imageRef} />
        </DetailSection>
      )}
    </div>
  );
}
