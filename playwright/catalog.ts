import fs from "node:fs";
import path from "node:path";
import type { Locale } from "../lib/i18n/locales";
import type { Messages } from "../lib/i18n/messages";

/** A locale's message catalog read from its JSON files, so specs assert the words users see. */
export function catalog(locale: Locale): Messages {
  const dir = path.join(import.meta.dirname, "../lib/i18n/messages", locale);
  const out: Record<string, unknown> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    out[f.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  }
  // The same files the app's catalog index imports; the unit test checks they hold every key.
  return out as Messages;
}
