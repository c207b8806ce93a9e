"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { useHostsQuery } from "@/components/hooks/queries";
import { useCan } from "@/components/hooks/useCan";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { Field, FormDialog, TextField, draftField, inputClass } from "@/components/ui/Form";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import type { Silence } from "@/lib/alerts";
import { PanelToolbar } from "./PanelToolbar";
import { ALERTS_KEY, SILENCES_KEY } from "./query-keys";

/** How long a silence lasts, in hours: the choices the form offers. */
export const SILENCE_HOURS = [1, 4, 24, 168] as const;

interface Draft {
  hostId: string;
  subject: string;
  comment: string;
  hours: string;
}

/** Sets a silence and refreshes what it changes (the silences, and alerts marked silenced). */
export function useAddSilence(onDone?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Silence>("/api/v1/alerts/silences", { method: "POST", body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: SILENCES_KEY });
      void qc.invalidateQueries({ queryKey: ALERTS_KEY });
      onDone?.();
    },
  });
}

function SilenceDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("alerts.silences");
  const hosts = useHostsQuery();
  const [d, setD] = useState<Draft>({ hostId: "", subject: "", comment: "", hours: "1" });
  const add = useAddSilence(onClose);
  const bad = errorField(add.error);
  const field = draftField(d, setD, (k) => bad === k || undefined);
  return (
    <FormDialog
      open
      title={t("new")}
      submitLabel={t("create")}
      busy={add.isPending}
      error={add.error}
      onSubmit={() =>
        add.mutate({
          ...(d.hostId ? { hostId: d.hostId } : {}),
          ...(d.subject.trim() ? { subject: d.subject.trim() } : {}),
          comment: d.comment,
          endsAt: Date.now() + Number(d.hours) * 3600_000,
        })
      }
      onCancel={onClose}
    >
      <Field label={t("host")}>
        <select
          className={inputClass}
          value={d.hostId}
          aria-invalid={bad === "hostId" || undefined}
          data-testid="silence-host"
          onChange={(e) => setD({ ...d, hostId: e.target.value })}
        >
          <option value="">{t("anyHost")}</option>
          {(hosts.data?.items ?? []).map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        label={t("subject")}
        hint={t("subjectHint")}
        autoFocus
        data-testid="silence-subject"
        {...field("subject")}
      />
      <Field label={t("duration")}>
        <select
          className={inputClass}
          value={d.hours}
          data-testid="silence-hours"
          onChange={(e) => setD({ ...d, hours: e.target.value })}
        >
          {SILENCE_HOURS.map((h) => (
            <option key={h} value={h}>
              {t("hours", { hours: h })}
            </option>
          ))}
        </select>
      </Field>
      <TextField label={t("comment")} data-testid="silence-comment" {...field("comment")} />
    </FormDialog>
  );
}

/** Silences in scope: what they match and until when; operators set and end them. */
export function SilencesPanel() {
  const t = useTranslations("alerts.silences");
  const fmt = useFormat();
  const canOperate = useCan("operate");
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const q = useQuery({
    queryKey: SILENCES_KEY,
    queryFn: () => api<{ items: Silence[] }>("/api/v1/alerts/silences"),
    refetchInterval: 30_000,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/api/v1/alerts/silences/${id}`, { method: "DELETE" }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: SILENCES_KEY });
      void qc.invalidateQueries({ queryKey: ALERTS_KEY });
    },
  });
  return (
    <QueryGate query={q} loading={t("loading")} failed={t("failed")}>
      {(data) => (
        <div className="flex flex-col gap-2 p-3">
          {canOperate && (
            <PanelToolbar
              newLabel={t("new")}
              testId="silence-new"
              onNew={() => setAdding(true)}
              error={remove.error}
            />
          )}
          {data.items.length === 0 ? (
            <StatePanel title={t("empty")}>{canOperate ? t("emptyHint") : t("emptyHintViewer")}</StatePanel>
          ) : (
            <table className="w-full border-collapse text-left" data-testid="silences-table">
              <TableHead labels={[t("matches"), t("host"), t("until"), t("comment"), t("by"), ""]} />
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id} className="border-b border-line/60" data-testid="silence-row">
                    <td className="py-1 pr-2">
                      {s.subject ?? t("everything")}
                      {s.ruleId !== undefined && (
                        <span className="ml-1 text-[11px] text-muted">{t("ofRule", { id: s.ruleId })}</span>
                      )}
                    </td>
                    <td className="py-1 pr-2 text-muted">{s.hostId ?? t("anyHost")}</td>
                    <td className="py-1 pr-2 whitespace-nowrap tabular-nums">
                      {s.startsAt > Date.now() && (
                        <div className="text-[11px] text-muted">
                          {t("from", { at: fmt.dateTime(s.startsAt) })}
                        </div>
                      )}
                      {fmt.dateTime(s.endsAt)}
                    </td>
                    <td className="py-1 pr-2 text-muted">{s.comment}</td>
                    <td className="py-1 pr-2 text-muted">{s.createdBy}</td>
                    <td className="py-1 text-right">
                      {canOperate && (
                        <Button size="sm" variant="danger" onClick={() => remove.mutate(s.id)}>
                          {t("end")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {adding && <SilenceDialog onClose={() => setAdding(false)} />}
        </div>
      )}
    </QueryGate>
  );
}
