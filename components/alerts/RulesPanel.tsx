"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Field, FormDialog, TextField, inputClass } from "@/components/ui/Form";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import { RULE_KINDS, RULE_PARAMS, type Rule, type RuleKind, type TargetView } from "@/lib/alerts";
import { RULES_KEY, TARGETS_KEY } from "./query-keys";

interface Draft {
  name: string;
  kind: RuleKind;
  seconds: string;
  restarts: string;
  minutes: string;
  percent: string;
  labelSelector: string;
  stack: string;
  service: string;
  hosts: string;
  cooldown: string;
  targets: number[];
}

const EMPTY: Draft = {
  name: "",
  kind: "exit",
  seconds: "60",
  restarts: "3",
  minutes: "5",
  percent: "80",
  labelSelector: "",
  stack: "",
  service: "",
  hosts: "",
  cooldown: "300",
  targets: [],
};

/** The request a draft makes; numbers are sent as typed, so the server names a bad one. */
function bodyOf(d: Draft) {
  const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
  const params = Object.fromEntries(RULE_PARAMS[d.kind].map((k) => [k, num(d[k])]));
  const hosts = d.hosts
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
  return {
    name: d.name,
    kind: d.kind,
    params,
    scope: {
      ...(hosts.length ? { hosts } : {}),
      ...(d.labelSelector.trim() ? { labelSelector: d.labelSelector.trim() } : {}),
      ...(d.stack.trim() ? { stack: d.stack.trim() } : {}),
      ...(d.service.trim() ? { service: d.service.trim() } : {}),
    },
    targets: d.targets,
    cooldownSeconds: num(d.cooldown),
  };
}

function RuleDialog({ targets, onClose }: { targets: TargetView[]; onClose: () => void }) {
  const t = useTranslations("alerts");
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(EMPTY);
  const save = useMutation({
    mutationFn: () => api<Rule>("/api/v1/alerts/rules", { method: "POST", body: bodyOf(d) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: RULES_KEY });
      onClose();
    },
  });
  const bad = errorField(save.error);
  const text = (key: Exclude<keyof Draft, "kind" | "targets">, field: string, extra: object = {}) => ({
    name: key,
    value: d[key],
    invalid: bad === field || undefined,
    onValue: (v: string) => setD({ ...d, [key]: v }),
    ...extra,
  });
  return (
    <FormDialog
      open
      title={t("rules.new")}
      submitLabel={t("rules.create")}
      busy={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
      onCancel={onClose}
    >
      <TextField label={t("rules.name")} {...text("name", "name")} autoFocus data-testid="rule-name" />
      <Field label={t("rules.kind")}>
        <select
          className={inputClass}
          value={d.kind}
          data-testid="rule-kind"
          onChange={(e) => setD({ ...d, kind: e.target.value as RuleKind })}
        >
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="text-[11px] text-muted">{t(`kindHelp.${d.kind}`)}</div>
      {RULE_PARAMS[d.kind].length > 0 && (
        <div className="flex flex-wrap gap-2">
          {RULE_PARAMS[d.kind].map((k) => (
            <TextField
              key={k}
              label={t(`param.${k}`)}
              inputMode="decimal"
              className="w-24"
              data-testid={`rule-${k}`}
              {...text(k, `params.${k}`)}
            />
          ))}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <TextField
          label={t("rules.labelSelector")}

          {...text("labelSelector", "scope.labelSelector")}
        />
        <TextField
          label={t("rules.hosts")}
          placeholder={t("rules.allHosts")}
          {...text("hosts", "scope.hosts")}
        />
        <TextField label={t("rules.stack")} className="w-32" {...text("stack", "scope.stack")} />
        <TextField label={t("rules.service")} className="w-32" {...text("service", "scope.service")} />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-muted">{t("rules.targets")}</legend>
        {targets.length === 0 && <span className="text-[11px] text-muted">{t("rules.noTargets")}</span>}
        {targets.map((x) => (
          <label key={x.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={d.targets.includes(x.id)}
              onChange={(e) =>
                setD({
                  ...d,
                  targets: e.target.checked ? [...d.targets, x.id] : d.targets.filter((y) => y !== x.id),
                })
              }
            />
            {x.name} <span className="text-[11px] text-muted">{t(`targetKind.${x.kind}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        label={t("rules.cooldown")}
        className="w-24"
        inputMode="numeric"
        {...text("cooldown", "cooldownSeconds")}
      />
    </FormDialog>
  );
}

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

/** Rules, with a dialog to add one; only an unscoped admin may change them (the server says so otherwise). */
export function RulesPanel() {
  const t = useTranslations("alerts");
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
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
  const names = new Map((targets.data?.items ?? []).map((x) => [x.id, x.name]));
  return (
    <QueryGate query={rules} loading={t("loading")} failed={t("failed")}>
      {(data) => (
        <div className="flex flex-col gap-2 p-3">
          <div className="flex items-center gap-2">
            <Button variant="primary" onClick={() => setAdding(true)} data-testid="rule-new">
              {t("rules.new")}
            </Button>
            {remove.error && <ErrorNotice error={remove.error} />}
          </div>
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
                    <td className="py-1 text-right">
                      <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                        {t("remove")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {adding && <RuleDialog targets={targets.data?.items ?? []} onClose={() => setAdding(false)} />}
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
