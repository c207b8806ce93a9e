import type { Metadata } from "next";
import { currentLocale } from "@/app/request-locale";
import { loadMessages } from "@/lib/i18n/messages";

/** A stacks page's tab title in the request's language, after the stack's name when there is one. */
export async function stacksTitle(key: "list" | "new" | "edit", name?: string): Promise<Metadata> {
  const { stacks } = await loadMessages(await currentLocale());
  const title = stacks.titles[key];
  return { title: name ? `${name} · ${title} · Wharf` : `${title} · Wharf` };
}
