import type { Locale } from "../locales";
import en from "./en";

/** The English catalog is the reference: its keys are the message keys, and every locale has them all. */
export type Messages = typeof en;

/** The catalog for one locale; only that locale's messages reach the browser. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "zh-CN") return (await import("./zh-CN")).default;
  return en;
}
