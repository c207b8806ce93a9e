import type { ReactNode } from "react";
import type { HostSummary } from "@/lib/types";
import { HostEngineNote } from "./HostEngineNote";
import { HostStatusDot } from "./HostStatusDot";

/** The header row of a host page: the host's status and the title, then the page's own parts. */
export function HostHeader({
  host,
  title,
  children,
}: {
  host?: HostSummary;
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-2">
      <h1 className="flex items-center gap-2 text-base font-semibold">
        {host && <HostStatusDot status={host.status} />}
        {title}
      </h1>
      {host && <HostEngineNote host={host} />}
      {children}
    </header>
  );
}
