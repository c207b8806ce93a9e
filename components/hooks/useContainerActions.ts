"use client";
import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import type { BulkAction, BulkResult, ContainerAction } from "@/lib/types";

export interface ActionTarget {
  hostId: string;
  id: string;
  name: string;
}

const path = (t: ActionTarget) =>
  `/api/v1/hosts/${encodeURIComponent(t.hostId)}/containers/${encodeURIComponent(t.id)}`;

/** Every lifecycle action on one container, whichever component started it. */
const CONTAINER_ACTION = ["container-action"] as const;

interface ActionRequest {
  target: ActionTarget;
  action: ContainerAction;
}

export function useContainerAction() {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("ui");
  const errorLine = useErrorLine();
  return useMutation({
    mutationKey: CONTAINER_ACTION,
    mutationFn: async ({ target, action }: ActionRequest) => {
      await api(`${path(target)}/${action}`, { method: "POST" });
    },
    onSuccess: (_d, { target, action }) => {
      toast("ok", t(`actionDone.${action}`, { name: target.name }));
      void qc.invalidateQueries({ queryKey: queryKeys.host(target.hostId) });
    },
    onError: (err, { target, action }) =>
      toast("error", t("actionFailed", { action: t(`action.${action}`), name: target.name }), errorLine(err)),
  });
}

/**
 * The action running on each container (by `hostId/id`), from every useContainerAction on the page:
 * one subscription for a whole table, instead of one mutation per row.
 */
export function usePendingContainerActions(): ReadonlyMap<string, ContainerAction> {
  const pending = useMutationState({
    filters: { mutationKey: CONTAINER_ACTION, status: "pending" },
    select: (m) => m.state.variables as ActionRequest | undefined,
  });
  return useMemo(() => pendingByContainer(pending), [pending]);
}

/** Running actions by `hostId/id`; when two run on one container, the later one is named. */
export function pendingByContainer(
  requests: readonly (ActionRequest | undefined)[],
): ReadonlyMap<string, ContainerAction> {
  return new Map(
    requests.flatMap((r) => (r ? [[`${r.target.hostId}/${r.target.id}`, r.action] as const] : [])),
  );
}

export function useRemoveContainer() {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("ui");
  const errorLine = useErrorLine();
  return useMutation({
    mutationFn: async ({
      target,
      force,
      volumes,
    }: {
      target: ActionTarget;
      force: boolean;
      volumes: boolean;
    }) => {
      await api(`${path(target)}?force=${force}&volumes=${volumes}`, { method: "DELETE" });
    },
    onSuccess: (_d, { target }) => {
      toast("ok", t("removed", { name: target.name }));
      void qc.invalidateQueries({ queryKey: queryKeys.host(target.hostId) });
      void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
    },
    onError: (err, { target }) => toast("error", t("removeFailed", { name: target.name }), errorLine(err)),
  });
}

export function useBulkAction() {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("ui");
  const errorLine = useErrorLine();
  return useMutation({
    mutationFn: (req: { action: BulkAction; targets: ActionTarget[]; force?: boolean }) =>
      api<{ items: BulkResult[] }>("/api/v1/containers/bulk", {
        method: "POST",
        body: {
          action: req.action,
          force: req.force,
          targets: req.targets.map(({ hostId, id }) => ({ hostId, id })),
        },
      }),
    onSuccess: (res, req) => {
      const failed = res.items.filter((r) => !r.ok);
      const name = (r: BulkResult) =>
        req.targets.find((t) => t.id === r.id && t.hostId === r.hostId)?.name ?? r.id;
      const action = t(`action.${req.action}`);
      if (failed.length === 0) toast("ok", t("bulkDone", { action, count: res.items.length }));
      else
        toast(
          "error",
          t("bulkPartial", { action, ok: res.items.length - failed.length, failed: failed.length }),
          failed.map((r) => `${r.hostId}/${name(r)}: ${r.error?.message}`).join("\n"),
        );
      void qc.invalidateQueries({ queryKey: ["hosts"] });
    },
    onError: (err, req) =>
      toast("error", t("bulkFailed", { action: t(`action.${req.action}`) }), errorLine(err)),
  });
}
