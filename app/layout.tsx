import type { Metadata } from "next";
import type { ReactNode } from "react";
import { EarlyFetch } from "@/components/api/EarlyFetch";
import { Providers } from "@/components/providers/Providers";
import { loadMessages } from "@/lib/i18n/messages";
import { currentLocale } from "./request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const messages = await loadMessages(await currentLocale());
  return { title: "Wharf", description: messages.common.titles.description, icons: { icon: "/wharf.svg" } };
}

// Runs before paint so the saved theme never flashes the wrong colours.
const themeScript = `try{var t=localStorage.getItem("wharf-theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The signed-in user's language (a cookie set at sign-in), else the browser's.
  const locale = await currentLocale();
  const messages = await loadMessages(locale);
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <EarlyFetch />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers locale={locale} messages={messages}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
