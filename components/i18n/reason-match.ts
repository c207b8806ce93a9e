import enValidation from "@/lib/i18n/messages/en/validation.json";
import type { Messages } from "@/lib/i18n/messages";

export type ReasonKey = keyof Messages["validation"];

interface Pattern {
  key: ReasonKey;
  re: RegExp;
  names: string[];
  literal: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English catalog's reasons as patterns: `{max}` captures a value, everything else is literal. */
export function compileReasons(templates: Record<string, string>): Pattern[] {
  return Object.entries(templates)
    .map(([key, template]) => {
      const names: string[] = [];
      const parts = template.split(/\{(\w+)\}/);
      const source = parts.map((p, i) => (i % 2 ? (names.push(p), "(.+?)") : escape(p))).join("");
      const literal = parts.filter((_, i) => i % 2 === 0).join("").length;
      return { key: key as ReasonKey, re: new RegExp(`^${source}$`, "s"), names, literal };
    })
    .sort((a, b) => b.literal - a.literal);
}

const patterns = compileReasons(enValidation);

/**
 * Which catalog reason an English reason is, with the values it carries. Validation reasons are
 * Wharf's own English (the server's and the form's checks alike), so one list serves both.
 */
export function matchReason(
  reason: string,
  list: readonly Pattern[] = patterns,
): { key: ReasonKey; values: Record<string, string> } | undefined {
  for (const p of list) {
    const m = p.re.exec(reason);
    if (m) return { key: p.key, values: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1] ?? ""])) };
  }
  return undefined;
}
