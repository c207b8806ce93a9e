export function shortId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: string): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let f = unitFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "narrow", useGrouping: false });
    unitFormats.set(key, f);
  }
  return f;
}

/** A compact age (`5m`, `5分钟`): seconds under a minute, then minutes, hours up to two days, days. */
export function formatAge(fromEpochMs: number, nowMs: number = Date.now(), locale = "en"): string {
  const s = Math.max(0, Math.round((nowMs - fromEpochMs) / 1000));
  if (s < 60) return unitFormat(locale, "second").format(s);
  const m = Math.floor(s / 60);
  if (m < 60) return unitFormat(locale, "minute").format(m);
  const h = Math.floor(m / 60);
  if (h < 48) return unitFormat(locale, "hour").format(h);
  return unitFormat(locale, "day").format(Math.floor(h / 24));
}

const decimalFormats = new Map<string, Intl.NumberFormat>();
function decimals(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = decimalFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    decimalFormats.set(key, f);
  }
  return f;
}

/** Binary units (KiB, MiB) in every language: they are what the engine and the kernel count in. */
export function formatBytes(n: number, locale = "en"): string {
  if (!Number.isFinite(n)) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${decimals(locale, i === 0 || v >= 100 ? 0 : 1).format(v)} ${units[i]}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment to the second, in the locale's own order (`12/04/2026, 22:21:27`, `2026/12/04 22:21:27`),
 * on a 24-hour clock. `timeZone` "UTC" says so (engine timestamps); otherwise the browser's zone.
 */
export function formatDateTime(ms: number, locale = "en", timeZone?: "UTC"): string {
  if (!Number.isFinite(ms)) return "—";
  const key = `${locale}|${timeZone ?? ""}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      ...(timeZone ? { timeZone, timeZoneName: "short" } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f.format(ms);
}

/** An engine's RFC 3339 time (UTC), or "—" for none (the engine's zero time included). */
export function formatEngineTime(iso: string | undefined, locale = "en"): string {
  if (!iso || iso.startsWith("0001-")) return "—";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTime(ms, locale, "UTC");
}
