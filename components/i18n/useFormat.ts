"use client";
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { formatAge, formatBytes } from "@/lib/format";

/** Numbers, sizes and ages in the user's language; byte units stay binary in every language. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale);
    return {
      locale,
      bytes: (n: number) => formatBytes(n, locale),
      age: (fromMs: number, nowMs?: number) => formatAge(fromMs, nowMs, locale),
      number: (n: number) => integer.format(n),
    };
  }, [locale]);
}
