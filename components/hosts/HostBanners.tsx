"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { StatePanel } from "@/components/ui/StatePanel";
import type { HostListError, HostSummary } from "@/lib/types";

const bold = (c: ReactNode) => <b>{c}</b>;

/** Above every one-host list: a host that is down or connecting, said plainly. */
export function HostDownBanner({ host }: { host?: HostSummary }) {
  const t = useTranslations("hosts");
  if (!host || host.status === "up") return null;
  return (
    <div className="border-b border-warn/40 bg-warn/10 px-3 py-1" role="alert" data-testid="host-down">
      {host.status === "down"
        ? t.rich("down", { name: host.name, error: host.error ?? t("unreachable"), b: bold })
        : t("connecting", { name: host.name })}
    </div>
  );
}

/** Hosts a cross-host list could not reach: named, with the engine's message, never silently left out. */
export function HostErrorsBanner({ errors }: { errors?: HostListError[] }) {
  const t = useTranslations("hosts");
  return (
    <>
      {errors?.map((e) => (
        <div key={e.hostId} className="border-b border-bad/40 bg-bad/10 px-3 py-1" role="alert">
          {t.rich("notListed", { host: e.hostId, message: e.message, b: bold })}
        </div>
      ))}
    </>
  );
}

/** A page opened for a host Wharf does not know (or the caller may not see). */
export function UnknownHostPanel({ hostId }: { hostId: string }) {
  const t = useTranslations("hosts");
  return (
    <StatePanel tone="error" title={t("unknown", { hostId })}>
      {t("unknownHint")}
    </StatePanel>
  );
}
