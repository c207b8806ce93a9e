"use client";
import { useMemo } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
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

  const title = byLabel
    ? `${query.label}${query.host ? ` on ${query.host}` : ""}`
    : `${targets.length} containers`;
  let body;
  if (!byLabel && !targets.length) {
    body = (
      <StatePanel title="Which containers?">
        Name them as <code>?c=host/container&amp;c=host/container</code>, or pick them by label as{" "}
        <code>?label=com.docker.compose.project=shop</code> (optionally <code>&amp;host=…</code>).
      </StatePanel>
    );
  } else if (byLabel && list.isPending) {
    body = <StatePanel tone="loading" title="Finding the containers…" />;
  } else if (byLabel && list.error) {
    body = (
      <StatePanel tone="error" title="Could not list containers">
        {list.error.message}
      </StatePanel>
    );
  } else if (!targets.length) {
    body = (
      <StatePanel title={`No container has the label ${query.label}`}>
        It shows up here once one does.
      </StatePanel>
    );
  } else if (targets.length > MAX_MERGED) {
    body = (
      <StatePanel title={`${targets.length} containers is too many for one view`}>
        Narrow it down to {MAX_MERGED} or fewer, with a more specific label or a host.
      </StatePanel>
    );
  } else {
    body = <LogViewer targets={targets} merged className="min-h-0 flex-1" />;
  }
  return (
    <div className="flex h-full flex-col">
      <header className="border-b border-line bg-panel px-3 py-2">
        <h1 className="text-base font-semibold">
          Logs <span className="font-normal text-muted">· {title}</span>
        </h1>
      </header>
      {body}
    </div>
  );
}
