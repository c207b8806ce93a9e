"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { Section } from "@/components/admin/AdminPage";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { inputClass } from "@/components/ui/Form";
import { isLocale, LOCALE_NAMES, LOCALES, negotiateLocale, type Locale } from "@/lib/i18n/locales";

const BROWSER = "browser";

/**
 * The user's language, stored with the user. Saving reloads the page: every message, date and number
 * is rendered again in the new language, and the sign-in cookie carries it to the next sign-in.
 */
export function LanguageSection({ isToken, saved }: { isToken: boolean; saved: Locale | undefined }) {
  const t = useTranslations("account.language");
  // Shown only after the account has loaded, so reading the browser here cannot upset hydration.
  const browser = negotiateLocale(
    typeof navigator === "undefined" ? undefined : navigator.languages.join(","),
  );
  const [choice, setChoice] = useState<string>(saved ?? BROWSER);
  const save = useMutation({
    mutationFn: (locale: Locale | null) => api("/api/v1/auth/locale", { method: "PUT", body: { locale } }),
    onSuccess: () => window.location.reload(),
  });
  return (
    <Section title={t("title")} testId="language">
      <div className="flex flex-wrap items-center gap-3 p-3">
        <label className="flex items-center gap-2">
          <span className="text-muted">{t("label")}</span>
          <select
            className={`${inputClass} w-56`}
            value={choice}
            disabled={isToken || save.isPending}
            data-testid="language-select"
            onChange={(e) => {
              const next = e.target.value;
              setChoice(next);
              save.mutate(isLocale(next) ? next : null);
            }}
          >
            <option value={BROWSER}>{t("browser", { locale: LOCALE_NAMES[browser] })}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <span className="text-[11px] text-muted">{isToken ? t("tokenHint") : t("hint")}</span>
        {save.error && <ErrorNotice error={save.error} />}
      </div>
    </Section>
  );
}
