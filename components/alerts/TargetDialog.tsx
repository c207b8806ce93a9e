"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { ChoiceField } from "@/components/ui/ChoiceField";
import { Field, FormDialog, TextField, textareaClass } from "@/components/ui/Form";
import { TARGET_KINDS, type TargetEdit, type TargetSecret, type TargetView } from "@/lib/alerts";
import { TARGETS_KEY } from "./query-keys";
import {
  NEW_TARGET,
  configOf,
  draftOfTarget,
  keptSecrets,
  targetNumberProblem,
  type TargetDraft,
} from "./target-draft";
import { useSaveDialog } from "./useSaveDialog";

type TextKey = Exclude<keyof TargetDraft, "kind" | "secure">;

/**
 * The target form: a new target, or a stored one prefilled without its secrets. A stored secret
 * shows as unchanged and is kept unless something is typed over it or it is removed.
 */
export function TargetDialog({ edit, onClose }: { edit?: TargetEdit; onClose: () => void }) {
  const t = useTranslations("alerts");
  const [d, setD] = useState<TargetDraft>(() => (edit ? draftOfTarget(edit) : NEW_TARGET));
  const [removed, setRemoved] = useState<TargetSecret[]>([]);
  const kept = keptSecrets(d, edit);
  const { errors, dialog } = useSaveDialog(
    TARGETS_KEY,
    () => {
      const problem = targetNumberProblem(d);
      if (problem) return Promise.reject(problem);
      const body = {
        name: d.name,
        config: configOf(
          d,
          removed.filter((k) => kept.includes(k)),
        ),
      };
      return edit
        ? api<TargetView>(`/api/v1/alerts/targets/${edit.id}`, { method: "PUT", body })
        : api<TargetView>("/api/v1/alerts/targets", { method: "POST", body });
    },
    onClose,
  );
  const text = (key: TextKey, field = `config.${key}`) => ({
    name: key,
    value: d[key],
    error: errors.at(field),
    onValue: (v: string) => setD({ ...d, [key]: v }),
  });
  /** A secret's field: "unchanged" while one is stored, and for an optional one, a way to remove it. */
  const secret = (key: TargetSecret, label: string, hint?: string, optional = true) => {
    const stored = kept.includes(key);
    const removing = removed.includes(key);
    return (
      <div className="flex flex-col gap-1">
        <TextField
          label={label}
          type={key === "url" ? "url" : "password"}
          // A browser must not fill in its saved sign-in password here.
          autoComplete={key === "url" ? "off" : "new-password"}
          placeholder={
            !stored || removing
              ? undefined
              : key === "url" && edit
                ? t("targets.unchangedUrl", { endpoint: edit.endpoint })
                : t("targets.unchanged")
          }
          disabled={removing}
          data-testid={`target-${key}`}
          {...text(key)}
        />
        {/* Under a full-width field, a hint takes its width rather than a narrow field's. */}
        {hint && <span className="text-[11px] text-muted">{hint}</span>}
        {stored && optional && (
          <label className="flex items-center gap-2 text-[11px] text-muted">
            <input
              type="checkbox"
              checked={removing}
              data-testid={`target-remove-${key}`}
              onChange={(e) => {
                setRemoved(e.target.checked ? [...removed, key] : removed.filter((k) => k !== key));
                if (e.target.checked) setD({ ...d, [key]: "" });
              }}
            />
            {t("targets.removeStored")}
          </label>
        )}
      </div>
    );
  };
  const fields = (
    <>
      <TextField label={t("targets.name")} autoFocus data-testid="target-name" {...text("name", "name")} />
      <ChoiceField
        label={t("targets.kind")}
        value={d.kind}
        choices={TARGET_KINDS}
        say={(k) => t(`targetKind.${k}`)}
        onChoose={(kind) => setD({ ...d, kind })}
        error={errors.at("config.kind")}
        testId="target-kind"
      />
      {kept.length > 0 && <p className="text-[11px] text-muted">{t("targets.keptHint")}</p>}
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
          <div className="grid grid-cols-2 items-start gap-2">
            <TextField label={t("targets.user")} {...text("user")} />
            {secret("password", t("targets.password"))}
          </div>
          <TextField label={t("targets.from")} {...text("from")} />
          <div className="flex flex-col gap-1">
            <TextField label={t("targets.to")} {...text("to")} />
            <span className="text-[11px] text-muted">{t("targets.toHint")}</span>
          </div>
        </>
      ) : (
        <>
          {secret("url", t("targets.url"), t(`targetHelp.${d.kind}`), false)}
          {d.kind === "ntfy" && secret("token", t("targets.token"))}
          {(d.kind === "dingtalk" || d.kind === "feishu") &&
            secret("secret", t("targets.secret"), t("targets.secretHint"))}
          {d.kind === "webhook" && (
            <Field
              label={t("targets.template")}
              hint={t("targets.templateHint")}
              error={errors.at("config.template")}
            >
              <textarea
                className={`${textareaClass} font-mono text-xs`}
                rows={3}
                value={d.template}
                aria-invalid={!!errors.at("config.template") || undefined}
                onChange={(e) => setD({ ...d, template: e.target.value })}
              />
            </Field>
          )}
        </>
      )}
    </>
  );
  return (
    <FormDialog
      title={edit ? t("targets.editTitle", { name: edit.name }) : t("targets.new")}
      submitLabel={edit ? t("targets.save") : t("targets.create")}
      {...dialog()}
    >
      {fields}
    </FormDialog>
  );
}
