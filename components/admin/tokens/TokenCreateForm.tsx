"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { TextField } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
import { tokenCreateSchema } from "@/lib/schemas";
import { GrantForm, useGrantDraft } from "../GrantForm";
import { useCreateToken, type CreatedToken } from "./useTokenMutations";

export function TokenCreateForm({ onCreated }: { onCreated: (c: CreatedToken) => void }) {
  const [name, setName] = useState("");
  const grant = useGrantDraft();
  const t = useTranslations("admin.tokens");
  const create = useCreateToken({
    onSuccess: (r) => {
      onCreated(r);
      setName("");
      grant.reset();
    },
    onError: grant.setError,
  });
  return (
    <GrantForm
      grant={grant}
      busy={create.isPending}
      submitLabel={t("create")}
      onSubmit={() =>
        submitChecked(tokenCreateSchema, { name: name.trim(), ...grant.body }, grant.setError, create.mutate)
      }
    >
      <TextField
        label={t("name")}
        hint={t("nameHint")}
        name="name"
        autoComplete="off"
        className="w-56"
        value={name}
        invalid={errorField(grant.error) === "name"}
        onValue={setName}
      />
    </GrantForm>
  );
}
