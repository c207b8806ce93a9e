"use client";
import { useHostsQuery } from "@/components/hooks/queries";

/** The host a page is for (none on an all-hosts page), and whether the page names one Wharf does not know. */
export function usePageHost(hostId?: string) {
  const hosts = useHostsQuery();
  const host = hostId ? hosts.data?.items.find((h) => h.id === hostId) : undefined;
  return {
    hosts,
    host,
    /** The page names a host that is not configured (or not in the caller's scope). */
    unknownHost: !!hostId && !!hosts.data && !host,
  };
}
