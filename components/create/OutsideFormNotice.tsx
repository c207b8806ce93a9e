"use client";
import { useTranslations } from "next-intl";

/** Settings of the source container that the form does not show: say they exist and what happens to them. */
export function OutsideFormNotice({ flags, recreate }: { flags: string[]; recreate: boolean }) {
  const t = useTranslations("create.outside");
  return (
    <div className="rounded border border-line bg-panel-2 px-3 py-2 text-[12px]" data-testid="outside-form">
      <span className="text-muted">{recreate ? t("recreate") : t("duplicate")}</span>
      <span className="font-mono text-[11px]">{flags.join(" ")}</span>
    </div>
  );
}
