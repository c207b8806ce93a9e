import type { ReactNode } from "react";
import { StatePanel } from "./StatePanel";

/**
 * What a list shows before its table: loading, a failure (with the engine's message), nothing at all
 * (with what to do next), or nothing left after the filter. The table renders only when there are rows.
 */
export function ListStates({
  noun,
  plural,
  query,
  total,
  shown,
  hostDown,
  empty,
  children,
}: {
  /** "image", used in "No image matches the filter". */
  noun: string;
  /** "images", used in "Loading images…" and "Could not list images". */
  plural: string;
  query: { isPending: boolean; error: Error | null };
  total: number;
  shown: number;
  hostDown: boolean;
  empty: { title: string; body: ReactNode };
  children: ReactNode;
}) {
  if (query.isPending) return <StatePanel tone="loading" title={`Loading ${plural}…`} />;
  if (query.error) {
    return (
      <StatePanel tone="error" title={`Could not list ${plural}`}>
        {query.error.message}
        {hostDown && " The host is down; Wharf retries on its own and the list returns when it is up."}
      </StatePanel>
    );
  }
  if (total === 0) return <StatePanel title={empty.title}>{empty.body}</StatePanel>;
  if (shown === 0) {
    return (
      <StatePanel title={`No ${noun} matches the filter`}>Clear the filter to see all {total}.</StatePanel>
    );
  }
  return <>{children}</>;
}
