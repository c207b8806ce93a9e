"use client";
import { useTranslations } from "next-intl";
import type { AlertView, RuleKind } from "@/lib/alerts";

/** The details each kind's sentence is written from; an alert stored without them shows its summary. */
const NEEDS: Record<RuleKind | "disk-volume", readonly string[]> = {
  exit: ["exitCode"],
  oom: [],
  "restart-loop": ["restarts", "minutes"],
  unhealthy: ["seconds"],
  cpu: ["percent", "seconds"],
  memory: ["percent", "seconds"],
  "host-down": ["error"],
  disk: ["path", "percent", "used", "size"],
  "disk-volume": ["volume", "percent", "used", "size"],
  "image-update": ["image"],
};

/** A disk alert is about the engine's data root, or about one volume. */
const sentence = (a: Pick<AlertView, "kind" | "details">) =>
  a.kind === "disk" && a.details.volume !== undefined ? "disk-volume" : a.kind;

/** What happened, in the user's language, from the alert's kind and details. */
export function useAlertText(): (a: Pick<AlertView, "kind" | "details" | "summary">) => string {
  const t = useTranslations("alerts.what");
  return (a) => {
    const key = sentence(a);
    const needs = NEEDS[key];
    if (!needs || needs.some((k) => a.details[k] === undefined)) return a.summary;
    return t(key, a.details);
  };
}
