"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useScopeText } from "@/components/i18n/useScopeText";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { CreatedToken } from "./useTokenMutations";

/** The secret, shown once: the server keeps only its hash. */
export function NewTokenNotice({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "select">();
  const t = useTranslations("admin.tokens");
  const tc = useTranslations("common");
  const scopeText = useScopeText();
  const copy = () => {
    ref.current?.select();
    // The clipboard API needs a secure context (HTTPS or localhost); otherwise the text is selected for Ctrl+C.
    if (navigator.clipboard) {
      navigator.clipboard.writeText(created.token).then(
        () => setCopied("yes"),
        () => setCopied("select"),
      );
    } else setCopied("select");
  };
  return (
    <section
      className="m-3 rounded border border-warn/60 bg-warn/10 p-3"
      data-testid="new-token"
      role="status"
    >
      <div className="mb-2 font-medium">
        {t.rich("createdNotice", {
          name: created.item.name,
          role: tc(`role.${created.item.role}`),
          scope: scopeText(created.item),
          b: (c) => <b>{c}</b>,
        })}
      </div>
      <div className="flex items-center gap-2">
        <input
          ref={ref}
          readOnly
          aria-label={t("value")}
          className={`${inputClass} flex-1 font-mono text-xs`}
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-token-value"
        />
        <Button variant="primary" onClick={copy}>
          {copied === "yes" ? t("copied") : t("copy")}
        </Button>
        <Button onClick={onDone}>{t("saved")}</Button>
      </div>
      <p className="mt-2 text-warn">
        {t("once")}
        {copied === "select" && ` ${t("selectFallback")}`}
      </p>
    </section>
  );
}
