"use client";
import { useLocale } from "next-intl";
import { formatAge, formatBytes, formatDateTime, formatEngineTime } from "@/lib/format";

function formattersFor(locale: string) {
  const integer = new Intl.NumberFormat(locale);
  return {
    locale,
    bytes: (n: number) => formatBytes(n, locale),
    age: (fromMs: number, nowMs?: number) => formatAge(fromMs, nowMs, locale),
    number: (n: number) => integer.format(n),
    /** Epoch milliseconds in the browser's zone. */
    dateTime: (ms: number) => formatDateTime(ms, locale),
    /** Epoch milliseconds of the engine's clock (events), shown in UTC and saying so. */
    utcDateTime: (ms: number) => formatDateTime(ms, locale, "UTC"),
    /** An engine's RFC 3339 timestamp, shown in UTC. */
    engineTime: (iso: string | undefined) => formatEngineTime(iso, locale),
  };
}

/** One set per locale for the whole page: every table cell that formats shares it. */
const byLocale = new Map<string, ReturnType<typeof formattersFor>>();

/** Numbers, sizes, ages and times in the user's language; byte units stay binary in every language. */
export function useFormat() {
  const locale = useLocale();
  let f = byLocale.get(locale);
  if (!f) {
    f = formattersFor(locale);
    byLocale.set(locale, f);
  }
  return f;
}
