import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";

/** Every leaf of a catalog as "namespace.key.sub" → message. */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (tree === null || typeof tree !== "object") return out;
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments and rich-text tags a message uses: both locales must use the same ones. */
const argsOf = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`))].sort();

describe("message catalogs", async () => {
  const catalogs = new Map(
    await Promise.all(LOCALES.map(async (l) => [l, leaves(await loadMessages(l))] as const)),
  );
  const en = catalogs.get("en") ?? new Map<string, string>();

  it("has messages at all", () => {
    expect(en.size).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty, with the same arguments`, () => {
      const own = catalogs.get(locale) ?? new Map<string, string>();
      expect([...own.keys()].filter((k) => !en.has(k))).toEqual([]);
      expect([...en.keys()].filter((k) => !own.has(k))).toEqual([]);
      expect([...own].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
      const mismatched = [...en].filter(([k, v]) => argsOf(v).join() !== argsOf(own.get(k) ?? "").join());
      expect(mismatched.map(([k]) => k)).toEqual([]);
    });
  }

  it("keeps the zh-CN catalog in Chinese, except names that stay Latin", () => {
    const zh = catalogs.get("zh-CN") ?? new Map<string, string>();
    // A zh-CN message with no CJK character is a forgotten copy of the English, unless it is a
    // name, a symbol or a code that reads the same in both.
    const latinOnly = [...zh].filter(
      ([, v]) => !/\p{Script=Han}/u.test(v) && /[a-z]{4,}/i.test(v.replace(/\{[^}]*\}|<[^>]*>/g, "")),
    );
    expect(latinOnly.filter(([k]) => !SAME_IN_BOTH.has(k)).map(([k]) => k)).toEqual([]);
  });
});

/** Keys whose text is the same in Chinese: proper names and Docker's own words kept in Latin letters. */
const SAME_IN_BOTH = new Set([
  "common.appName",
  "alerts.targetKind.webhook",
  "alerts.targetKind.slack",
  "alerts.targetKind.discord",
  "alerts.targetKind.ntfy",
]);
