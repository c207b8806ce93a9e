"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import type { TargetEdit, TargetView } from "@/lib/alerts";
import { PanelToolbar } from "./PanelToolbar";
import { TARGETS_KEY } from "./query-keys";
import { TargetDialog } from "./TargetDialog";

/** Delivery targets: each with its last delivery and a "send test" that goes through the same queue. */
export function TargetsPanel() {
  const t = useTranslations("alerts");
  const fmt = useFormat();
  const qc = useQueryClient();
  /** The target the dialog edits, as its form gets it, or "new" for a new one. */
  const [editing, setEditing] = useState<TargetEdit | "new">();
  const q = useQuery({
    queryKey: TARGETS_KEY,
    queryFn: () => api<{ items: TargetView[] }>("/api/v1/alerts/targets"),
    refetchInterval: 3000,
  });
  const test = useMutation({
    mutationFn: (id: number) => api(`/api/v1/alerts/targets/${id}/test`, { method: "POST", body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: TARGETS_KEY }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/api/v1/alerts/targets/${id}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: TARGETS_KEY }),
  });
  // Fetched when asked for, so the form starts from the stored target rather than a list minutes old.
  const open = useMutation({
    mutationFn: (id: number) => api<TargetEdit>(`/api/v1/alerts/targets/${id}`),
    onSuccess: setEditing,
  });
  return (
    <QueryGate query={q} loading={t("loading")} failed={t("failed")}>
      {(data) => (
        <div className="flex flex-col gap-2 p-3">
          <PanelToolbar
            newLabel={t("targets.new")}
            testId="target-new"
            onNew={() => setEditing("new")}
            error={open.error ?? test.error ?? remove.error}
          />
          {data.items.length === 0 ? (
            <StatePanel title={t("targets.empty")}>{t("targets.emptyHint")}</StatePanel>
          ) : (
            <table className="w-full border-collapse text-left" data-testid="targets-table">
              <TableHead
                labels={[t("targets.name"), t("targets.kind"), t("targets.endpoint"), t("targets.last"), ""]}
              />
              <tbody>
                {data.items.map((x) => {
                  const l = x.lastDelivery;
                  return (
                    <tr key={x.id} className="border-b border-line/60" data-testid="target-row">
                      <td className="py-1 pr-2">{x.name}</td>
                      <td className="py-1 pr-2">{t(`targetKind.${x.kind}`)}</td>
                      <td className="py-1 pr-2 font-mono text-xs text-muted">{x.endpoint}</td>
                      <td className="py-1 pr-2" data-testid="target-last">
                        {!l ? (
                          <span className="text-muted">{t("targets.never")}</span>
                        ) : (
                          <span
                            className={
                              l.status === "sent"
                                ? "text-ok"
                                : l.status === "failed"
                                  ? "text-bad"
                                  : "text-warn"
                            }
                          >
                            {t(`deliveryStatus.${l.status}`)} · {fmt.dateTime(l.at)}
                            {l.error && <div className="text-[11px]">{l.error}</div>}
                          </span>
                        )}
                      </td>
                      <td className="py-1 text-right whitespace-nowrap">
                        <Button size="sm" onClick={() => test.mutate(x.id)} data-testid="target-test">
                          {t("targets.test")}
                        </Button>{" "}
                        <Button
                          size="sm"
                          disabled={open.isPending}
                          onClick={() => open.mutate(x.id)}
                          data-testid="target-edit"
                        >
                          {t("edit")}
                        </Button>{" "}
                        <Button size="sm" variant="danger" onClick={() => remove.mutate(x.id)}>
                          {t("remove")}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {editing && (
            <TargetDialog
              key={editing === "new" ? "new" : editing.id}
              edit={editing === "new" ? undefined : editing}
              onClose={() => setEditing(undefined)}
            />
          )}
        </div>
      )}
    </QueryGate>
  );
}
