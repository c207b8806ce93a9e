"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { Scope } from "@/lib/permissions";

/** A scope in words: which hosts, and within them which labelled containers. */
export function useScopeText(): (scope: Scope) => string {
  const t = useTranslations("common.scope");
  return useCallback(
    (scope: Scope) => {
      const hosts =
        scope.hosts === "*" ? t("allHosts") : scope.hosts.length ? scope.hosts.join(", ") : t("noHosts");
      return scope.labelSelector ? t("withLabel", { hosts, label: scope.labelSelector }) : hosts;
    },
    [t],
  );
}
