"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { Field, FormDialog, TextField, inputClass, textareaClass } from "@/components/ui/Form";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import { TARGET_KINDS, type TargetKind, type TargetView } from "@/lib/alerts";
import { TARGETS_KEY } from "./query-keys";

interface Draft {
  name: string;
  kind: TargetKind;
  url: string;
  template: string;
  token: string;
  secret: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  to: string;
}

const EMPTY: Draft = {
  name: "",
  kind: "webhook",
  url: "",
  template: "",
  token: "",
  secret: "",
  host: "",
  port: "25",
  secure: false,
  user: "",
  password: "",
  from: "",
  to: "",
};

const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

function configOf(d: Draft): Record<string, unknown> {
  switch (d.kind) {
    case "email":
      return {
        kind: "email",
        host: d.host.trim(),
        port: Number(d.port),
        secure: d.secure,
        ...opt("user", d.user),
        ...(d.password ? { password: d.password } : {}),
        from: d.from.trim(),
        to: d.to.split(/[\s,;]+/).filter(Boolean),
      };
    case "webhook":
      return { kind: d.kind, url: d.url.trim(), ...opt("template", d.template) };
    case "ntfy":
      return { kind: d.kind, url: d.url.trim(), ...opt("token", d.token) };
    case "dingtalk":
    case "feishu":
      return { kind: d.kind, url: d.url.trim(), ...opt("secret", d.secret) };
    default:
      return { kind: d.kind, url: d.url.trim() };
  }
}

function TargetDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("alerts");
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(EMPTY);
  const save = useMutation({
    mutationFn: () =>
      api<TargetView>("/api/v1/alerts/targets", {
        method: "POST",
        body: { name: d.name, config: configOf(d) },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: TARGETS_KEY });
      onClose();
    },
  });
  const bad = errorField(save.error);
  const text = (key: Exclude<keyof Draft, "kind" | "secure">, field = `config.${key}`) => ({
    name: key,
    value: d[key],
    invalid: bad === field || undefined,
    onValue: (v: string) => setD({ ...d, [key]: v }),
  });
  return (
    <FormDialog
      open
      title={t("targets.new")}
      submitLabel={t("targets.create")}
      busy={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
      onCancel={onClose}
    >
      <TextField label={t("targets.name")} autoFocus data-testid="target-name" {...text("name", "name")} />
      <Field label={t("targets.kind")}>
        <select
          className={inputClass}
          value={d.kind}
          data-testid="target-kind"
          onChange={(e) => setD({ ...d, kind: e.target.value as TargetKind })}
        >
          {TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`targetKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {d.kind === "email" ? (
        <>
          <div className="flex gap-2">
            <TextField label={t("targets.smtpHost")} fieldClassName="flex-1" {...text("host")} />
            <TextField label={t("targets.port")} className="w-20" inputMode="numeric" {...text("port")} />
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={d.secure}
              onChange={(e) => setD({ ...d, secure: e.target.checked })}
            />
            {t("targets.secure")}
          </label>
          <div className="flex gap-2">
            <TextField label={t("targets.user")} fieldClassName="flex-1" {...text("user")} />
            <TextField
              label={t("targets.password")}
              type="password"
              fieldClassName="flex-1"
              {...text("password")}
            />
          </div>
          <TextField label={t("targets.from")} {...text("from")} />
          <TextField label={t("targets.to")} hint={t("targets.toHint")} {...text("to")} />
        </>
      ) : (
        <>
          <TextField
            label={t("targets.url")}
            hint={t(`targetHelp.${d.kind}`)}
            data-testid="target-url"
            {...text("url")}
          />
          {d.kind === "ntfy" && <TextField label={t("targets.token")} type="password" {...text("token")} />}
          {(d.kind === "dingtalk" || d.kind === "feishu") && (
            <TextField
              label={t("targets.secret")}
              type="password"
              hint={t("targets.secretHint")}
              {...text("secret")}
            />
          )}
          {d.kind === "webhook" && (
            <Field label={t("targets.template")} hint={t("targets.templateHint")}>
              <textarea
                className={`${textareaClass} font-mono text-xs`}
                rows={3}
                value={d.template}
                aria-invalid={bad === "config.template" || undefined}
                onChange={(e) => setD({ ...d, template: e.target.value })}
              />
            </Field>
          )}
        </>
      )}
    </FormDialog>
  );
}

/** Delivery targets: each with its last delivery and a "send test" that goes through the same queue. */
export function TargetsPanel() {
  const t = useTranslations("alerts");
  const fmt = useFormat();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
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
  return (
    <QueryGate query={q} loading={t("loading")} failed={t("failed")}>
      {(data) => (
        <div className="flex flex-col gap-2 p-3">
          <div className="flex items-center gap-2">
            <Button variant="primary" onClick={() => setAdding(true)} data-testid="target-new">
              {t("targets.new")}
            </Button>
            {(test.error ?? remove.error) && <ErrorNotice error={test.error ?? remove.error} />}
          </div>
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
          {adding && <TargetDialog onClose={() => setAdding(false)} />}
        </div>
      )}
    </QueryGate>
  );
}
