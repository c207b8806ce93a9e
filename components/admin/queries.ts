"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { useMeQuery } from "@/components/hooks/queries";
import { queryKeys, type AuditFilters } from "@/lib/query-keys";
import type { AuditEntry, SessionRecord, TokenRecord, UserRecord } from "@/lib/types";

/** Admin lists change through other admins too: refetch whenever a page opens. */
const FRESH = { staleTime: 0, refetchOnMount: "always" } as const;

export function useIsAdmin(): { isAdmin: boolean; known: boolean } {
  const me = useMeQuery();
  return { isAdmin: me.data?.user.role === "admin", known: !!me.data };
}

export function useUsersQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: () => api<{ items: UserRecord[] }>("/api/v1/users"),
    enabled,
    ...FRESH,
  });
}

export function useTokensQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.tokens(),
    queryFn: () => api<{ items: TokenRecord[] }>("/api/v1/tokens"),
    enabled,
    ...FRESH,
  });
}

export function useSessionsQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.sessions(),
    queryFn: () => api<{ items: SessionRecord[] }>("/api/v1/sessions"),
    enabled,
    ...FRESH,
  });
}

export const AUDIT_PAGE = 100;

/** The audit query string for these filters; `extra` adds paging or the CSV format. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v !== undefined && v !== "") q.set(k, String(v));
  }
  return q.toString();
}

/** Newest first, in pages of AUDIT_PAGE; the next page starts below the last id seen. */
export function useAuditQuery(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      api<{ items: AuditEntry[] }>(
        `/api/v1/audit?${auditSearch(filters, { limit: AUDIT_PAGE, ...(pageParam ? { beforeId: pageParam } : {}) })}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.items.length < AUDIT_PAGE ? undefined : last.items.at(-1)?.id),
    enabled,
    ...FRESH,
  });
}
