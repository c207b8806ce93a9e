"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import type { HostSummary } from "@/lib/types";

/** Pick one or several hosts; hosts that are down can still be picked and will report their error. */
export function HostChecklist({
  hosts,
  value,
  onChange,
  disabled,
}: {
  hosts: HostSummary[];
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("images.host");
  return (
    <fieldset className="flex flex-col gap-1" disabled={disabled}>
      <legend className="mb-1 text-muted">{t("hosts")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {hosts.map((h) => (
          <label key={h.id} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={value.includes(h.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, h.id] : value.filter((id) => id !== h.id))
              }
            />
            <HostStatusDot status={h.status} />
            {h.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One host, for actions that run on a single engine (build, import, prune). */
export function HostSelect({
  hosts,
  value,
  onChange,
  disabled,
}: {
  hosts: HostSummary[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("images.host");
  return (
    <label className="flex flex-col gap-1">
      <span className="text-muted">{t("host")}</span>
      <select
        aria-label={t("host")}
        className="h-[26px] rounded border border-line bg-bg px-2"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {hosts.map((h) => (
          <option key={h.id} value={h.id}>
            {h.status === "up" ? h.name : t("notUp", { name: h.name, status: t(`status.${h.status}`) })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The host a single-host action starts on: the page's host, else the first one that is up. */
export function defaultHost(hosts: HostSummary[] | undefined, hostId?: string): string {
  return hostId ?? hosts?.find((h) => h.status === "up")?.id ?? hosts?.[0]?.id ?? "";
}

/** The host a single-host action runs on, picked among `hosts`; it starts as `defaultHost`. */
export function useTargetHost(hostId?: string) {
  const hosts = useHostsQuery();
  const [target, setTarget] = useState(() => defaultHost(hosts.data?.items, hostId));
  return { hosts: hosts.data?.items ?? [], target, setTarget };
}
