"use client";
import type { ReactNode } from "react";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { StatePanel } from "./StatePanel";

/**
 * A panel's loading and failure states before its content: the content renders only once the query
 * has data, and a failure shows the server's own message.
 */
export function QueryGate<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: T | undefined };
  /** "Loading alerts…", in the user's language. */
  loading: string;
  /** "Could not load alerts", in the user's language. */
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <StatePanel tone="loading" title={loading} />;
  if (query.isError || query.data === undefined)
    return (
      <StatePanel tone="error" title={failed}>
        <ErrorNotice error={query.error} />
      </StatePanel>
    );
  return <>{children(query.data)}</>;
}

/** A dense table's head row: one upper-case label per column, the last often left blank for actions. */
export function TableHead({ labels, sticky }: { labels: readonly string[]; sticky?: boolean }) {
  return (
    <thead
      className={`text-[11px] text-muted uppercase ${sticky ? "sticky top-0 z-10 border-b border-line bg-panel" : ""}`}
    >
      <tr className="border-b border-line">
        {labels.map((l, i) => (
          <th key={i} className={`py-1 font-medium ${i < labels.length - 1 ? "pr-2" : ""}`}>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}
