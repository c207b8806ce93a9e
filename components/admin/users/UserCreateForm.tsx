"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { useScopeText } from "@/components/i18n/useScopeText";
import { draftField, TextField } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
import { useToast } from "@/components/ui/Toasts";
import { userCreateSchema } from "@/lib/schemas";
import { GrantForm, useGrantDraft } from "../GrantForm";
import { useCreateUser } from "./useUserMutations";

const NO_LOGIN = { username: "", password: "" };

export function UserCreateForm() {
  const toast = useToast();
  const t = useTranslations("admin.users");
  const tc = useTranslations("common");
  const scopeText = useScopeText();
  const [login, setLogin] = useState(NO_LOGIN);
  const grant = useGrantDraft();
  const create = useCreateUser({
    onSuccess: (u) => {
      toast("ok", t("created", { username: u.username }), `${tc(`role.${u.role}`)} · ${scopeText(u)}`);
      setLogin(NO_LOGIN);
      grant.reset();
    },
    onError: grant.setError,
  });
  const field = draftField(login, setLogin, (k) => errorField(grant.error) === k);
  return (
    <GrantForm
      grant={grant}
      busy={create.isPending}
      submitLabel={t("create")}
      onSubmit={() =>
        submitChecked(
          userCreateSchema,
          { username: login.username.trim(), password: login.password, ...grant.body },
          grant.setError,
          create.mutate,
        )
      }
    >
      <TextField label={t("username")} {...field("username")} autoComplete="off" className="w-48" />
      <TextField
        label={t("password")}
        hint={t("passwordHint")}
        {...field("password")}
        type="password"
        autoComplete="new-password"
        className="w-48"
      />
    </GrantForm>
  );
}
