"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import type { LogTarget } from "@/components/logs/useLogStream";
import { StatePanel } from "@/components/ui/StatePanel";
import { filterContainers } from "@/lib/container-filter";
import { LogViewer } from "./LogViewer";

/** More than this in one view would be unreadable, and each one is an engine stream. */
export const MAX_MERGED = 50;

export interface MergedLogsQuery {
  /** `host/container` pairs. */
  c: string[];
  /** A label selector, `key` or `key=value`, e.g. `com.docker.compose.project=shop`. */
  label?: string;
  host?: string;
}

function parsePairs(pairs: string[]): LogTarget[] {
  return pairs
    .map((p) => p.split("/"))
    .filter((parts) => parts.length === 2 && parts[0] && parts[1])
    .map(([hostId, containerId]) => ({ hostId: hostId as string, containerId: containerId as string }));
}

/** Several containers' logs in one view: the ones named in the URL, or every one with a label. */
export function MergedLogsPanel({ query }: { query: MergedLogsQuery }) {
  const t = useTranslations("logs");
  const errorLine = useErrorLine();
  const byLabel = !!query.label;
  const list = useContainersQuery(undefined);
  const targets = useMemo<LogTarget[]>(() => {
    if (!byLabel) return parsePairs(query.c);
    const items = filterContainers(list.data?.items ?? [], {
      label: [query.label as string],
      ...(query.host ? { host: [query.host] } : {}),
      sort: "name",
    });
    return items.map((c) => ({ hostId: c.hostId, containerId: c.id }));
  }, [byLabel, query, list.data]);

  const label = query.label ?? "";
  const title = byLabel
    ? query.host
      ? t("merged.onHost", { label, host: query.host })
      : label
    : t("merged.containers", { count: targets.length });
  let body;
  if (!byLabel && !targets.length) {
    body = (
      <StatePanel title={t("merged.which")}>
        {t.rich("merged.whichHint", { code: (c) => <code>{c}</code> })}
      </StatePanel>
    );
  } else if (byLabel && list.isPending) {
    body = <StatePanel tone="loading" title={t("merged.finding")} />;
  } else if (byLabel && list.error) {
    body = (
      <StatePanel tone="error" title={t("merged.listFailed")}>
        {errorLine(list.error)}
      </StatePanel>
    );
  } else if (!targets.length) {
    body = (
      <StatePanel title={t("merged.noneWithLabel", { label })}>{t("merged.noneWithLabelHint")}</StatePanel>
    );
  } else if (targets.length > MAX_MERGED) {
    body = (
      <StatePanel title={t("merged.tooMany", { count: targets.length })}>
        {t("merged.tooManyHint", { max: MAX_MERGED })}
      </StatePanel>
    );
  } else {
    body = <LogViewer targets={targets} merged className="min-h-0 flex-1" />;
  }
  return (
    <div className="flex h-full flex-col">
      <header className="border-b border-line bg-panel px-3 py-2">
        <h1 className="text-base font-semibold">
          {t("title")} <span className="font-normal text-muted">· {title}</span>
        </h1>
      </header>
      {body}
    </div>
  );
}
