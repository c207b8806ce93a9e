import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers/Providers";
import { LOCALE_COOKIE, requestLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wharf",
  description: "Docker engines on many hosts, from one browser tab",
  icons: { icon: "/wharf.svg" },
};

// Runs before paint so the saved theme never flashes the wrong colours.
const themeScript = `try{var t=localStorage.getItem("wharf-theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The signed-in user's language (a cookie set at sign-in), else the browser's.
  const locale = requestLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  const messages = await loadMessages(locale);
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers locale={locale} messages={messages}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
