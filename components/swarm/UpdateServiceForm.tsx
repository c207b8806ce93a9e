"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextField, textareaClass } from "@/components/ui/Form";
import { checkWith } from "@/components/ui/form-check";
import { useFieldErrors } from "@/components/ui/useFieldErrors";
import { useToast } from "@/components/ui/Toasts";
import { serviceUpdateSchema } from "@/lib/swarm/schemas";
import type { SwarmService } from "@/lib/swarm/types";
import { PolicyFields } from "./PolicyFields";
import { ResourceFields } from "./ResourceFields";
import { useUpdateService } from "./queries";
import { updateBody, updateDraftOf, type UpdateDraft } from "./service-form";

/** A rollback cannot itself roll back. */
const ROLLBACK_ACTIONS = ["pause", "continue"] as const;

/**
 * A rolling update of image, command, env, limits and reservations, with the policy it rolls out
 * by and the one a rollback would follow. Sent at the version read, so a change made meanwhile is
 * refused rather than overwritten.
 */
export function UpdateServiceForm({
  hostId,
  service,
  onStart,
}: {
  hostId: string;
  service: SwarmService;
  /** Called as the update is sent, so the live list starts empty. */
  onStart: () => void;
}) {
  const t = useTranslations("swarm.updateForm");
  const toast = useToast();
  const update = useUpdateService(hostId, service.id);
  const [draft, setDraft] = useState<UpdateDraft>(() => updateDraftOf(service));
  const [error, setError] = useState<unknown>();
  const errors = useFieldErrors(error);
  const fields = (
    <>
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label={t("image")}
          name="image"
          className="font-mono text-xs"
          value={draft.image}
          error={errors.at("image")}
          onValue={(image) => setDraft({ ...draft, image })}
        />
        <TextField
          label={t("command")}
          name="command"
          className="font-mono text-xs"
          value={draft.command}
          error={errors.at("command")}
          onValue={(command) => setDraft({ ...draft, command })}
        />
      </div>
      <Field label={t("env")} hint={t("envHint")} error={errors.at("env")}>
        <textarea
          name="env"
          rows={2}
          className={`${textareaClass} font-mono text-xs`}
          value={draft.env}
          aria-invalid={!!errors.at("env") || undefined}
          onChange={(e) => setDraft({ ...draft, env: e.target.value })}
        />
      </Field>
      <ResourceFields draft={draft} onChange={setDraft} at={errors.at} />
      <PolicyFields draft={draft} onChange={setDraft} at={errors.at} />
      <PolicyFields
        policy="rollbackConfig"
        actions={ROLLBACK_ACTIONS}
        draft={draft.rollback}
        onChange={(rollback) => setDraft({ ...draft, rollback })}
        at={errors.at}
      />
    </>
  );
  return (
    <form
      className="flex flex-col gap-2"
      data-testid="update-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        let body;
        try {
          body = updateBody(draft, service);
        } catch (err) {
          return setError(err);
        }
        const problem = checkWith(serviceUpdateSchema, body);
        setError(problem);
        if (problem) return;
        onStart();
        update.mutate(body, {
          onSuccess: (r) =>
            toast("ok", t("started", { name: service.name }), r.warnings?.join("\n") || undefined),
          onError: setError,
        });
      }}
    >
      {fields}
      <FormError error={errors.rest()} testId="update-error" />
      <div className="flex justify-end gap-2">
        <Button onClick={() => setDraft(updateDraftOf(service))}>{t("reset")}</Button>
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
