"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, FormDialog, TextField, textareaClass } from "@/components/ui/Form";
import { checkWith } from "@/components/ui/form-check";
import { useFieldErrors } from "@/components/ui/useFieldErrors";
import { useToast } from "@/components/ui/Toasts";
import { configCreateSchema, secretCreateSchema } from "@/lib/swarm/schemas";
import { EMPTY_OBJECT_DRAFT, objectBody, type ObjectDraft, type SwarmObjectKind } from "./object-form";
import { useCreateSwarmObject } from "./queries";
import { SecretValueField } from "./SecretValueField";

/** Examples, the same in every language. */
const EXAMPLES = {
  configs: { name: "nginx.conf", data: "server {\n  listen 8080;\n}" },
  secrets: { name: "db-password" },
  labels: "team=a",
} as const;

const SCHEMAS = { configs: configCreateSchema, secrets: secretCreateSchema } as const satisfies Record<
  SwarmObjectKind,
  unknown
>;

/**
 * A new config or secret: a name, labels and the content. A config's content is a file to read, so it
 * is typed in the open; a secret's is masked, and the toast and the list never say it.
 */
export function CreateObjectDialog({
  hostId,
  kind,
  onClose,
}: {
  hostId: string;
  kind: SwarmObjectKind;
  onClose: () => void;
}) {
  const t = useTranslations("swarm");
  const toast = useToast();
  const create = useCreateSwarmObject(hostId, kind);
  const [draft, setDraft] = useState<ObjectDraft>(EMPTY_OBJECT_DRAFT);
  const [error, setError] = useState<unknown>();
  const errors = useFieldErrors(error);
  return (
    <FormDialog
      open
      title={t(`${kind}.createTitle`)}
      submitLabel={t("objects.submit")}
      busy={create.isPending}
      error={errors.rest()}
      onCancel={onClose}
      onSubmit={() => {
        let body;
        try {
          body = objectBody(draft);
        } catch (e) {
          return setError(e);
        }
        const problem = checkWith(SCHEMAS[kind], body);
        setError(problem);
        if (problem) return;
        create.mutate(body, {
          onSuccess: (o) => {
            toast("ok", t(`${kind}.created`, { name: o.name }));
            onClose();
          },
          onError: setError,
        });
      }}
    >
      <TextField
        label={t("objects.name")}
        name="name"
        value={draft.name}
        error={errors.at("name")}
        placeholder={EXAMPLES[kind].name}
        className="w-full font-mono text-xs"
        autoFocus
        autoComplete="off"
        onValue={(name) => setDraft({ ...draft, name })}
      />
      {kind === "configs" ? (
        <Field label={t("configs.data")} hint={t("configs.dataHint")} error={errors.at("data")}>
          <textarea
            name="data"
            rows={8}
            spellCheck={false}
            className={`${textareaClass} font-mono text-xs`}
            placeholder={EXAMPLES.configs.data}
            value={draft.data}
            aria-invalid={!!errors.at("data") || undefined}
            onChange={(e) => setDraft({ ...draft, data: e.target.value })}
          />
        </Field>
      ) : (
        <SecretValueField
          value={draft.data}
          file={draft.file}
          error={errors.at("data")}
          onValue={(data) => setDraft({ ...draft, data })}
          onFile={(file) => setDraft({ ...draft, file })}
          onFileError={setError}
        />
      )}
      <Field label={t("objects.labels")} hint={t("objects.labelsHint")} error={errors.at("labels")}>
        <textarea
          name="labels"
          rows={2}
          className={`${textareaClass} font-mono text-xs`}
          placeholder={EXAMPLES.labels}
          value={draft.labels}
          aria-invalid={!!errors.at("labels") || undefined}
          onChange={(e) => setDraft({ ...draft, labels: e.target.value })}
        />
      </Field>
    </FormDialog>
  );
}
