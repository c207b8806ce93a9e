"use client";
import { useTranslations } from "next-intl";
import type { AlertView, RuleKind } from "@/lib/alerts";

/** The details each kind's sentence is written from; an alert stored without them shows its summary. */
const NEEDS: Record<RuleKind, readonly string[]> = {
  exit: ["exitCode"],
  oom: [],
  "restart-loop": ["restarts", "minutes"],
  unhealthy: ["seconds"],
  cpu: ["percent", "seconds"],
  memory: ["percent", "seconds"],
  "host-down": ["error"],
};

/** What happened, in the user's language, from the alert's kind and details. */
export function useAlertText(): (a: Pick<AlertView, "kind" | "details" | "summary">) => string {
  const t = useTranslations("alerts.what");
  return (a) => {
    const needs = NEEDS[a.kind];
    if (!needs || needs.some((k) => a.details[k] === undefined)) return a.summary;
    return t(a.kind, a.details);
  };
}
