"use client";
import { useTranslations } from "next-intl";
import type { StackSource } from "@/lib/stacks/types";

const STYLE = {
  wharf: "text-accent border-accent/40",
  cli: "text-muted border-line",
} as const satisfies Record<StackSource, string>;

/** Who keeps the stack's files: Wharf (revisions, edit, deploy) or a compose CLI elsewhere (labels only). */
export function StackSourceBadge({ source, swarm = false }: { source: StackSource; swarm?: boolean }) {
  const t = useTranslations("stacks.source");
  return (
    <span className="inline-flex items-center gap-1">
      <span
        className={`rounded border px-1 text-[11px] leading-4 whitespace-nowrap ${STYLE[source]}`}
        title={t(`hint.${source}`)}
        data-testid="stack-source"
      >
        {t(source)}
      </span>
      {swarm && (
        <span
          className="rounded border border-info/40 px-1 text-[11px] leading-4 whitespace-nowrap text-info"
          title={t("hint.swarm")}
          data-testid="stack-swarm"
        >
          {t("swarm")}
        </span>
      )}
    </span>
  );
}
