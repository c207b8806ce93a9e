"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
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
  /** "image" (in the user's language), used in "No image matches the filter". */
  noun: string;
  /** "images" (in the user's language), used in "Loading images…" and "Could not list images". */
  plural: string;
  query: { isPending: boolean; error: Error | null };
  total: number;
  shown: number;
  hostDown: boolean;
  empty: { title: string; body: ReactNode };
  children: ReactNode;
}) {
  const t = useTranslations("ui.list");
  const errorLine = useErrorLine();
  if (query.isPending) return <StatePanel tone="loading" title={t("loading", { plural })} />;
  if (query.error) {
    return (
      <StatePanel tone="error" title={t("failed", { plural })}>
        {errorLine(query.error)}
        {hostDown && ` ${t("hostDown")}`}
      </StatePanel>
    );
  }
  if (total === 0) return <StatePanel title={empty.title}>{empty.body}</StatePanel>;
  if (shown === 0) {
    return <StatePanel title={t("noMatch", { noun })}>{t("clearFilter", { total })}</StatePanel>;
  }
  return <>{children}</>;
}
