"use client";
import { useTranslations } from "next-intl";
import { forwardRef, type ReactNode } from "react";
import { HostHeader } from "@/components/hosts/HostHeader";
import { inputClass } from "@/components/ui/Form";
import type { HostSummary } from "@/lib/types";

/** The header row of a resource list: host and title, counts, a search box, and the list's actions. */
export const ListHeader = forwardRef<
  HTMLInputElement,
  {
    host?: HostSummary;
    title: ReactNode;
    counts: ReactNode;
    q: string;
    onQ: (q: string) => void;
    placeholder: string;
    children?: ReactNode;
  }
>(function ListHeader({ host, title, counts, q, onQ, placeholder, children }, ref) {
  const t = useTranslations("volumes.list");
  return (
    <HostHeader host={host} title={title}>
      <span className="text-muted" data-testid="counts">
        {counts}
      </span>
      <div className="ml-auto flex items-center gap-2">
        <input
          ref={ref}
          aria-label={t("filter")}
          placeholder={placeholder}
          className={`${inputClass} w-64`}
          value={q}
          onChange={(e) => onQ(e.target.value)}
        />
        {children}
      </div>
    </HostHeader>
  );
});

/** In the all-hosts view an action needs a host; this picks it. */
export function HostPicker({
  hosts,
  value,
  onChange,
}: {
  hosts: { id: string; name: string; status: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  const t = useTranslations("volumes.list");
  return (
    <select
      aria-label={t("hostPicker")}
      className={inputClass}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {hosts.map((h) => (
        <option key={h.id} value={h.id} disabled={h.status !== "up"}>
          {t("onHost", { host: h.name })}
        </option>
      ))}
    </select>
  );
}
