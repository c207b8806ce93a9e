"use client";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { draftField, TextField } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
import { useToast } from "@/components/ui/Toasts";
import { describeScope } from "@/lib/permissions";
import { userCreateSchema } from "@/lib/schemas";
import { GrantForm, useGrantDraft } from "../GrantForm";
import { useCreateUser } from "./useUserMutations";

const NO_LOGIN = { username: "", password: "" };

export function UserCreateForm() {
  const toast = useToast();
  const [login, setLogin] = useState(NO_LOGIN);
  const grant = useGrantDraft();
  const create = useCreateUser({
    onSuccess: (u) => {
      toast("ok", `User ${u.username} created`, `${u.role} · ${describeScope(u)}`);
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
      submitLabel="Create user"
      onSubmit={() =>
        submitChecked(
          userCreateSchema,
          { username: login.username.trim(), password: login.password, ...grant.body },
          grant.setError,
          create.mutate,
        )
      }
    >
      <TextField label="Username" {...field("username")} autoComplete="off" className="w-48" />
      <TextField
        label="Password"
        hint="At least 8 characters."
        {...field("password")}
        type="password"
        autoComplete="new-password"
        className="w-48"
      />
    </GrantForm>
  );
}
