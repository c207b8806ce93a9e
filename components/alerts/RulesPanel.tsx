"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import type { Rule, TargetView } from "@/lib/alerts";
import { PanelToolbar } from "./PanelToolbar";
import { RULES_KEY, TARGETS_KEY } from "./query-keys";
import { RuleDialog } from "./RuleDialog";
import { ruleInputOf } from "./rule-draft";

function scopeText(r: Rule, t: ReturnType<typeof useTranslations<"alerts">>): string {
  const parts = [
    r.scope.hosts?.length ? r.scope.hosts.join(", ") : t("rules.allHosts"),
    r.scope.labelSelector,
    r.scope.stack && `${r.scope.stack}${r.scope.service ? `/${r.scope.service}` : ""}`,
  ].filter(Boolean);
  return parts.join(" · ");
}

function paramsText(r: Rule, t: ReturnType<typeof useTranslations<"alerts">>): string {
  const p = r.params;
  switch (r.kind) {
    case "restart-loop":
      return t("paramText.loop", { restarts: p.restarts ?? 0, minutes: p.minutes ?? 0 });
    case "cpu":
    case "memory":
      return t("paramText.threshold", { percent: p.percent ?? 0, seconds: p.seconds ?? 0 });
    case "disk":
      return t("paramText.over", { percent: p.percent ?? 0 });
    case "unhealthy":
    case "host-down":
      return t("paramText.for", { seconds: p.seconds ?? 0 });
    default:
      return "";
  }
}

/** Rules, with a dialog to add or edit one; only an unscoped admin may change them (the server says so otherwise). */
export function RulesPanel() {
  const t = useTranslations("alerts");
  const qc = useQueryClient();
  /** The rule the dialog edits, or "new" for a new one. */
  const [editing, setEditing] = useState<Rule | "new">();
  const [removing, setRemoving] = useState<Rule>();
  const rules = useQuery({
    queryKey: RULES_KEY,
    queryFn: () => api<{ items: Rule[] }>("/api/v1/alerts/rules"),
  });
  const targets = useQuery({
    queryKey: TARGETS_KEY,
    queryFn: () => api<{ items: TargetView[] }>("/api/v1/alerts/targets"),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/api/v1/alerts/rules/${id}`, { method: "DELETE" }),
    onSettled: () => {
      setRemoving(undefined);
      void qc.invalidateQueries({ queryKey: RULES_KEY });
    },
  });
  const toggle = useMutation({
    mutationFn: (r: Rule) =>
      api<Rule>(`/api/v1/alerts/rules/${r.id}`, {
        method: "PUT",
        body: { ...ruleInputOf(r), enabled: !r.enabled },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: RULES_KEY }),
  });
  const names = new Map((targets.data?.items ?? []).map((x) => [x.id, x.name]));
  return (
    <QueryGate query={rules} loading={t("loading")} failed={t("failed")}>
      {(data) => (
        <div className="flex flex-col gap-2 p-3">
          <PanelToolbar
            newLabel={t("rules.new")}
            testId="rule-new"
            onNew={() => setEditing("new")}
            error={toggle.error ?? remove.error}
          />
          {data.items.length === 0 ? (
            <StatePanel title={t("rules.empty")}>{t("rules.emptyHint")}</StatePanel>
          ) : (
            <table className="w-full border-collapse text-left" data-testid="rules-table">
              <TableHead
                labels={[
                  t("rules.name"),
                  t("rules.kind"),
                  t("rules.when"),
                  t("rules.scope"),
                  t("rules.targets"),
                  "",
                ]}
              />
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id} className="border-b border-line/60" data-testid="rule-row">
                    <td className="py-1 pr-2">
                      {r.name}
                      {!r.enabled && <span className="ml-1 text-[11px] text-muted">{t("rules.off")}</span>}
                    </td>
                    <td className="py-1 pr-2">{t(`kind.${r.kind}`)}</td>
                    <td className="py-1 pr-2 text-muted">{paramsText(r, t)}</td>
                    <td className="py-1 pr-2 text-muted">{scopeText(r, t)}</td>
                    <td className="py-1 pr-2">
                      {r.targets.length ? (
                        r.targets.map((id) => names.get(id) ?? `#${id}`).join(", ")
                      ) : (
                        <span className="text-muted">{t("rules.recordOnly")}</span>
                      )}
                    </td>
                    <td className="py-1 text-right whitespace-nowrap">
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate(r)}
                        data-testid="rule-toggle"
                      >
                        {r.enabled ? t("rules.turnOff") : t("rules.turnOn")}
                      </Button>{" "}
                      <Button size="sm" onClick={() => setEditing(r)} data-testid="rule-edit">
                        {t("edit")}
                      </Button>{" "}
                      <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                        {t("remove")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {editing && (
            <RuleDialog
              key={editing === "new" ? "new" : editing.id}
              rule={editing === "new" ? undefined : editing}
              targets={targets.data?.items ?? []}
              onClose={() => setEditing(undefined)}
            />
          )}
          <ConfirmDialog
            open={!!removing}
            title={t("rules.removeTitle", { name: removing?.name ?? "" })}
            confirmLabel={t("remove")}
            onConfirm={() => removing && remove.mutate(removing.id)}
            onCancel={() => setRemoving(undefined)}
          >
            {t("rules.removeHint")}
          </ConfirmDialog>
        </div>
      )}
    </QueryGate>
  );
}
