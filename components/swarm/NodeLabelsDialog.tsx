"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, FormDialog, textareaClass } from "@/components/ui/Form";
import { useFieldErrors } from "@/components/ui/useFieldErrors";
import { useToast } from "@/components/ui/Toasts";
import type { SwarmNode } from "@/lib/swarm/types";
import { useUpdateNode } from "./queries";
import { labelsOf, labelsText } from "./service-form";

/** A placement label, the same in every language. */
const LABEL_EXAMPLE = "zone=a";

/** A node's labels as `key=value` lines; the whole set is written at the version read. */
export function NodeLabelsDialog({
  hostId,
  node,
  onClose,
}: {
  hostId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const t = useTranslations("swarm.nodes.labelsDialog");
  const toast = useToast();
  const update = useUpdateNode(hostId);
  const [text, setText] = useState(() => labelsText(node.labels));
  const [error, setError] = useState<unknown>();
  const errors = useFieldErrors(error);
  const fieldError = errors.at("labels");
  return (
    <FormDialog
      open
      title={t("title", { node: node.hostname })}
      submitLabel={t("submit")}
      busy={update.isPending}
      error={errors.rest()}
      onCancel={onClose}
      onSubmit={() =>
        update.mutate(
          { id: node.id, version: node.version, labels: labelsOf(text) },
          {
            onSuccess: () => {
              toast("ok", t("saved", { node: node.hostname }));
              onClose();
            },
            onError: setError,
          },
        )
      }
    >
      <Field label={t("labels")} hint={t("hint")} error={fieldError}>
        <textarea
          name="labels"
          rows={5}
          autoFocus
          className={`${textareaClass} font-mono text-xs`}
          placeholder={LABEL_EXAMPLE}
          value={text}
          aria-invalid={!!fieldError || undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
