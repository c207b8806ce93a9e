"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldErrors } from "@/components/ui/useFieldErrors";
import { ChoiceField } from "@/components/ui/ChoiceField";
import { Field, FormDialog, TextField, textareaClass } from "@/components/ui/Form";
import { checkWith } from "@/components/ui/form-check";
import { useToast } from "@/components/ui/Toasts";
import { serviceCreateSchema } from "@/lib/swarm/schemas";
import { PolicyFields } from "./PolicyFields";
import { ResourceFields } from "./ResourceFields";
import { useCreateService } from "./queries";
import { createBody, CREATE_MODES, EMPTY_DRAFT, type ServiceDraft } from "./service-form";

/** Examples, the same in every language. */
const EXAMPLES = {
  name: "web",
  image: "nginx:1.27",
  command: "sleep 3600",
  labels: "team=a",
  env: "LOG_LEVEL=info",
} as const;

/**
 * A replicated or global service from the fields most services need (with its limits, reservations
 * and update policy); the rest stays the engine's default.
 */
export function CreateServiceDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const t = useTranslations("swarm.create");
  const toast = useToast();
  const create = useCreateService(hostId);
  const [draft, setDraft] = useState<ServiceDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<unknown>();
  const errors = useFieldErrors(error);
  const text = (key: "name" | "image" | "command" | "replicas") => ({
    name: key,
    value: draft[key],
    error: errors.at(key),
    onValue: (v: string) => setDraft({ ...draft, [key]: v }),
  });
  const fields = (
    <>
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label={t("name")}
          {...text("name")}
          placeholder={EXAMPLES.name}
          className="w-full"
          autoFocus
          autoComplete="off"
        />
        <TextField
          label={t("image")}
          {...text("image")}
          placeholder={EXAMPLES.image}
          className="w-full font-mono text-xs"
          autoComplete="off"
        />
      </div>
      <TextField
        label={t("command")}
        hint={t("commandHint")}
        {...text("command")}
        placeholder={EXAMPLES.command}
        className="w-full font-mono text-xs"
        autoComplete="off"
      />
      <div className="grid grid-cols-[9rem_5rem_1fr] items-start gap-2">
        <ChoiceField
          label={t("mode")}
          value={draft.mode}
          choices={CREATE_MODES}
          say={(m) => t(`modes.${m}`)}
          error={errors.at("mode")}
          testId="service-mode"
          onChoose={(mode) => setDraft({ ...draft, mode })}
        />
        {draft.mode === "replicated" && (
          <TextField label={t("replicas")} {...text("replicas")} inputMode="numeric" className="w-full" />
        )}
        {/* Level with the select, which sits under its label. */}
        <p
          className={`flex h-[26px] items-center self-end text-[11px] leading-[13px] text-muted ${draft.mode === "global" ? "col-span-2" : ""}`}
          data-testid="service-mode-hint"
        >
          {t(`modeHint.${draft.mode}`)}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t("labels")} hint={t("linesHint")} error={errors.at("labels")}>
          <textarea
            name="labels"
            rows={3}
            className={`${textareaClass} font-mono text-xs`}
            placeholder={EXAMPLES.labels}
            value={draft.labels}
            aria-invalid={!!errors.at("labels") || undefined}
            onChange={(e) => setDraft({ ...draft, labels: e.target.value })}
          />
        </Field>
        <Field label={t("env")} hint={t("linesHint")} error={errors.at("env")}>
          <textarea
            name="env"
            rows={3}
            className={`${textareaClass} font-mono text-xs`}
            placeholder={EXAMPLES.env}
            value={draft.env}
            aria-invalid={!!errors.at("env") || undefined}
            onChange={(e) => setDraft({ ...draft, env: e.target.value })}
          />
        </Field>
      </div>
      <ResourceFields draft={draft} onChange={setDraft} at={errors.at} columns={2} />
      <PolicyFields draft={draft} onChange={setDraft} at={errors.at} columns={2} />
    </>
  );
  return (
    <FormDialog
      open
      title={t("title")}
      submitLabel={t("submit")}
      busy={create.isPending}
      error={errors.rest()}
      onCancel={onClose}
      onSubmit={() => {
        let body;
        try {
          body = createBody(draft);
        } catch (e) {
          return setError(e);
        }
        // The server's own schema first, so its reasons show before anything is sent.
        const problem = checkWith(serviceCreateSchema, body);
        setError(problem);
        if (problem) return;
        create.mutate(body, {
          onSuccess: (r) => {
            toast("ok", t("created", { name: r.service.name }), r.warnings?.join("\n") || undefined);
            onClose();
          },
          onError: setError,
        });
      }}
    >
      {fields}
    </FormDialog>
  );
}
