import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, requestLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";

/** The language this request renders in: the signed-in user's cookie, else the browser's. */
export async function currentLocale(): Promise<Locale> {
  return requestLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

type TitleKey = Exclude<keyof Messages["common"]["titles"], "description">;

/** A page's `generateMetadata`: its tab title in the request's language. */
export function titled(key: TitleKey): () => Promise<Metadata> {
  return async () => {
    const messages = await loadMessages(await currentLocale());
    return { title: `${messages.common.titles[key]} · Wharf` };
  };
}
