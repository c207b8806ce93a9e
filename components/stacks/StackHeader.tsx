"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import type { StackSummary } from "@/lib/stacks/types";
import { StackSourceBadge } from "./StackSourceBadge";
import { StackStateBadge } from "./StackStateBadge";

/** The head of a stack's page: where it is, its state and source, its counts and last deploy, then its actions. */
export function StackHeader({ summary, children }: { summary: StackSummary; children: ReactNode }) {
  const t = useTranslations("stacks.detail");
  const tList = useTranslations("stacks.list");
  const format = useFormat();
  const now = useNow(10_000);
  return (
    <header className="border-b border-line bg-panel px-3 py-2">
      <div className="mb-1 text-[11px] text-muted">
        <Link href="/stacks" className="hover:underline">
          {t("crumb")}
        </Link>{" "}
        /{" "}
        <Link href={`/hosts/${encodeURIComponent(summary.hostId)}`} className="hover:underline">
          {summary.hostId}
        </Link>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-base font-semibold" data-testid="stack-name">
          {summary.name}
        </h1>
        <StackStateBadge state={summary.state} />
        <StackSourceBadge source={summary.source} swarm={summary.orchestrator === "swarm"} />
        <span className="text-muted" data-testid="stack-counts">
          {t(summary.orchestrator === "swarm" ? "swarmCounts" : "counts", {
            services: summary.services,
            running: summary.running,
            containers: summary.containers,
          })}
        </span>
        {summary.updatedAt !== undefined && (
          <span
            className="text-muted"
            title={`${format.dateTime(summary.updatedAt)} · ${tList("updatedHint")}`}
          >
            {t("updated", { age: format.age(summary.updatedAt, now), user: summary.updatedBy ?? "?" })}
          </span>
        )}
        <div className="ml-auto">{children}</div>
      </div>
    </header>
  );
}
