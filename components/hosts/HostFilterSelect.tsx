"use client";
import { useTranslations } from "next-intl";
import type { HostSummary } from "@/lib/types";

/** A cross-host list's host filter: one host, or all of them (undefined). */
export function HostFilterSelect({
  hosts,
  value,
  onChange,
  className,
}: {
  hosts: HostSummary[];
  value: string | undefined;
  onChange: (hostId: string | undefined) => void;
  className: string;
}) {
  const t = useTranslations("hosts");
  return (
    <select
      aria-label={t("filter")}
      className={className}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{t("allHosts")}</option>
      {hosts.map((h) => (
        <option key={h.id} value={h.id}>
          {h.name}
        </option>
      ))}
    </select>
  );
}
