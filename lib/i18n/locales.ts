import { isOneOf } from "../parse";

/** The languages Wharf speaks. A user with no choice of their own follows the browser. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set at sign-in from the user's stored choice and cleared at sign-out; read when a page renders. */
export const LOCALE_COOKIE = "wharf-locale";

export const isLocale = (v: unknown): v is Locale => isOneOf(LOCALES, v);

/**
 * The best of Wharf's locales for an `Accept-Language` header, by its q-values. Every Chinese tag
 * (zh, zh-CN, zh-Hans, zh-TW…) takes zh-CN: the only Chinese Wharf has, and closer than English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.tag && r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

/** The locale a page renders in: the signed-in user's cookie when valid, else the browser's languages. */
export function requestLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookie) ? cookie : negotiateLocale(acceptLanguage);
}

/** Each language by its own name, as language pickers show them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };
