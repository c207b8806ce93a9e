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

export function formatTimestamp(iso: string | undefined): string {
  if (!iso || iso.startsWith("0001-")) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "Z");
}
