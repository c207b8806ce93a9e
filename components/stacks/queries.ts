"use client";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/components/api/client";
import type { JobSnapshot } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";
import type {
  StackDetail,
  StackList,
  StackOperation,
  StackPlan,
  StackRevision,
  StackRevisionInfo,
  StackSummary,
} from "@/lib/stacks/types";

const enc = encodeURIComponent;
const one = (hostId: string, name: string) => `/api/v1/hosts/${enc(hostId)}/stacks/${enc(name)}`;

export const stackPaths = {
  all: () => "/api/v1/stacks",
  host: (hostId: string) => `/api/v1/hosts/${enc(hostId)}/stacks`,
  one,
  plan: (hostId: string, name: string) => `${one(hostId, name)}/plan`,
  op: (hostId: string, name: string, op: StackOperation) => `${one(hostId, name)}/${op}`,
  revisions: (hostId: string, name: string) => `${one(hostId, name)}/revisions`,
  revision: (hostId: string, name: string, revision: number) => `${one(hostId, name)}/revisions/${revision}`,
  job: (jobId: string) => `/api/v1/jobs/${enc(jobId)}`,
};

/** The stack's page, and its editor. */
export const stackHref = (s: Pick<StackSummary, "hostId" | "name">, edit = false) =>
  `/stacks/${enc(s.hostId)}/${enc(s.name)}${edit ? "/edit" : ""}`;

/** Every host's stacks in scope, with the hosts that could not answer. */
export function useStacksQuery() {
  return useQuery({ queryKey: queryKeys.allStacks(), queryFn: () => api<StackList>(stackPaths.all()) });
}

export function useStackQuery(hostId: string, name: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.stack(hostId, name),
    queryFn: () => api<StackDetail>(one(hostId, name)),
    retry: false,
    enabled,
  });
}

export function useStackRevisionsQuery(hostId: string, name: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.stackRevisions(hostId, name),
    queryFn: () => api<{ items: StackRevisionInfo[] }>(stackPaths.revisions(hostId, name)),
    enabled,
  });
}

/** One stored revision's texts; they never change, so they are fetched once. */
export function useStackRevisionQuery(hostId: string, name: string, revision: number | undefined) {
  return useQuery({
    queryKey: queryKeys.stackRevision(hostId, name, revision ?? 0),
    queryFn: () => api<StackRevision>(stackPaths.revision(hostId, name, revision ?? 0)),
    enabled: revision !== undefined,
    staleTime: Infinity,
  });
}

/** After a stack changed: its host's stack queries and the list of all. */
export function refreshStacks(qc: QueryClient, hostId: string): void {
  void qc.invalidateQueries({ queryKey: queryKeys.stacks(hostId) });
  void qc.invalidateQueries({ queryKey: queryKeys.allStacks() });
}

export function useRefreshStacks() {
  const qc = useQueryClient();
  return useCallback((hostId: string) => refreshStacks(qc, hostId), [qc]);
}

/** What storing a revision answers: the revision stored (its number, or its record) and its plan. */
export interface StackSaved {
  revision: StackRevisionInfo | number;
  plan: StackPlan;
}

/** The number of a stored revision, whichever form the reply gave it in. */
export const revisionNumber = (r: StackSaved["revision"]): number => (typeof r === "number" ? r : r.revision);

/** The requests of the stack pages; each answers the server's reply or throws its ApiError. */
export const stackApi = {
  create: (
    hostId: string,
    body: { name: string; orchestrator?: "swarm"; compose: string; env?: string; message?: string },
  ) => api<StackSaved & { stack: StackSummary }>(stackPaths.host(hostId), { method: "POST", body }),
  update: (hostId: string, name: string, body: { compose: string; env?: string; message?: string }) =>
    api<StackSaved>(one(hostId, name), { method: "PUT", body }),
  plan: (hostId: string, name: string, revision?: number) =>
    api<StackPlan>(stackPaths.plan(hostId, name), {
      method: "POST",
      body: revision !== undefined ? { revision } : {},
    }),
  deploy: (hostId: string, name: string, body: { revision?: number; jobId: string }) =>
    api<{ jobId: string; plan: StackPlan }>(stackPaths.op(hostId, name, "deploy"), { method: "POST", body }),
  operate: (
    hostId: string,
    name: string,
    op: Exclude<StackOperation, "deploy">,
    body: { jobId: string; volumes?: boolean },
  ) => api<{ jobId: string }>(stackPaths.op(hostId, name, op), { method: "POST", body }),
  adopt: (hostId: string, name: string) =>
    api<StackSaved & { from: "files" | "containers" }>(`${one(hostId, name)}/adopt`, { method: "POST" }),
  remove: (hostId: string, name: string) => api<undefined>(one(hostId, name), { method: "DELETE" }),
  job: (jobId: string) => api<JobSnapshot>(stackPaths.job(jobId)),
};

/** What deploying a stored revision (the current one when left out) would do; refreshed as the host changes. */
export function useStackPlanQuery(
  hostId: string,
  name: string,
  revision: number | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: queryKeys.stackPlan(hostId, name, revision),
    queryFn: () => stackApi.plan(hostId, name, revision),
    enabled,
    retry: false,
    gcTime: 0,
  });
}
