"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider, type IntlError } from "next-intl";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/Toasts";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

/** A missing or broken message is a bug: said once in the console (the end-to-end tests fail on it). */
function reportIntlError(error: IntlError) {
  console.error(`[i18n] ${error.code}: ${error.message}`);
}

export function Providers({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Engine events keep lists fresh; there is no polling.
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages}
      // Times show in the browser's own zone, as the pages always have.
      timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      onError={reportIntlError}
      getMessageFallback={({ namespace, key }) => [namespace, key].filter(Boolean).join(".")}
    >
      <QueryClientProvider client={client}>
        <ToastProvider>{children}</ToastProvider>
      </QueryClientProvider>
    </NextIntlClientProvider>
  );
}
