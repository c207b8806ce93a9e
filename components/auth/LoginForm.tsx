"use client";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/api/client";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";

/** Only same-site paths: a crafted ?next= must not send the user elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/overview";
}

export function LoginForm() {
  const params = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const t = useTranslations("auth");
  return (
    <div className="flex min-h-screen items-center justify-center">
      <form
        // POST, never GET: before the script loads, a native submit must not put the password in the URL.
        method="post"
        className="w-80 rounded border border-line bg-panel p-5 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setBusy(true);
          setError(undefined);
          api("/api/v1/auth/login", {
            method: "POST",
            body: { username: form.get("username"), password: form.get("password") },
          })
            .then(() => window.location.assign(safeNext(params.get("next"))))
            .catch((err: unknown) => {
              setError(err);
              setBusy(false);
            });
        }}
      >
        <h1 className="mb-4 flex items-center gap-2 text-lg font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/wharf.svg" alt="" width={20} height={20} /> {t("title")}
        </h1>
        <label className="mb-3 block">
          <span className="mb-1 block text-muted">{t("username")}</span>
          <input
            name="username"
            autoComplete="username"
            required
            autoFocus
            className="w-full rounded border border-line bg-bg px-2 py-1"
          />
        </label>
        <label className="mb-4 block">
          <span className="mb-1 block text-muted">{t("password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="w-full rounded border border-line bg-bg px-2 py-1"
          />
        </label>
        {error !== undefined && <ErrorNotice error={error} className="mb-3" />}
        <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
          {busy ? t("signingIn") : t("signIn")}
        </Button>
        <p className="mt-3 text-[11px] text-muted">
          {t.rich("firstBoot", { code: (c) => <code>{c}</code> })}
        </p>
      </form>
    </div>
  );
}
