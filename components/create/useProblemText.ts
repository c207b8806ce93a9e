"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { DraftProblem } from "./spec-draft";

/** A problem with what was typed, in the user's language; a limit's is worded by the quota editor. */
export function useProblemText(): (p: DraftProblem) => string {
  const t = useTranslations("create.problem");
  return useCallback((p: DraftProblem) => ("key" in p ? t(p.key, p.values ?? {}) : p.message), [t]);
}
