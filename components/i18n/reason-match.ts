import enServer from "@/lib/i18n/messages/en/server.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import type { Messages } from "@/lib/i18n/messages";

export type ReasonKey = keyof Messages["validation"];
export type ServerMessageKey = keyof Messages["server"];

interface Pattern<K extends string = string> {
  key: K;
  re: RegExp;
  names: string[];
  literal: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English catalog's reasons as patterns: `{max}` captures a value, everything else is literal. */
export function compileReasons<K extends string>(templates: Record<K, string>): Pattern<K>[] {
  return (Object.entries(templates) as [K, string][])
    .map(([key, template]) => {
      const names: string[] = [];
      const parts = template.split(/\{(\w+)\}/);
      const source = parts.map((p, i) => (i % 2 ? (names.push(p), "(.+?)") : escape(p))).join("");
      const literal = parts.filter((_, i) => i % 2 === 0).join("").length;
      return { key, re: new RegExp(`^${source}$`, "s"), names, literal };
    })
    .sort((a, b) => b.literal - a.literal);
}

const patterns = compileReasons<ReasonKey>(enValidation);
const serverPatterns = compileReasons<ServerMessageKey>(enServer);

/**
 * Which catalog reason an English reason is, with the values it carries. Validation reasons are
 * Wharf's own English (the server's and the form's checks alike), so one list serves both.
 */
export function matchReason<K extends string>(
  reason: string,
  list: readonly Pattern<K>[],
): { key: K; values: Record<string, string> } | undefined {
  for (const p of list) {
    const m = p.re.exec(reason);
    if (m) return { key: p.key, values: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1] ?? ""])) };
  }
  return undefined;
}

/** Which validation reason of the catalog a reason is. */
export const matchValidationReason = (reason: string) => matchReason(reason, patterns);

/** Which of Wharf's own server messages a whole error message is, with its values. */
export const matchServerMessage = (message: string) => matchReason<ServerMessageKey>(message, serverPatterns);
