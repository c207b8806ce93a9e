import { StatePanel } from "@/components/ui/StatePanel";
import type { HostListError, HostSummary } from "@/lib/types";

/** Above every one-host list: a host that is down or connecting, said plainly. */
export function HostDownBanner({ host }: { host?: HostSummary }) {
  if (!host || host.status === "up") return null;
  return (
    <div className="border-b border-warn/40 bg-warn/10 px-3 py-1" role="alert" data-testid="host-down">
      {host.status === "down" ? (
        <>
          Host <b>{host.name}</b> is down: {host.error ?? "unreachable"}. Wharf keeps retrying on its own;
          this page updates when it answers again.
        </>
      ) : (
        <>Connecting to {host.name}…</>
      )}
    </div>
  );
}

/** Hosts a cross-host list could not reach: named, with the engine's message, never silently left out. */
export function HostErrorsBanner({ errors }: { errors?: HostListError[] }) {
  return (
    <>
      {errors?.map((e) => (
        <div key={e.hostId} className="border-b border-bad/40 bg-bad/10 px-3 py-1" role="alert">
          Host <b>{e.hostId}</b> is not listed: {e.message}
        </div>
      ))}
    </>
  );
}

/** A page opened for a host Wharf does not know (or the caller may not see). */
export function UnknownHostPanel({ hostId }: { hostId: string }) {
  return (
    <StatePanel tone="error" title={`Unknown host "${hostId}"`}>
      Pick a host in the sidebar, or add it to WHARF_HOSTS.
    </StatePanel>
  );
}
