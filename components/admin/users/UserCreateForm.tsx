"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { useHostsQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";
import { checkWith, Field, fieldOf, FormError, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { describeScope, type Role } from "@/lib/permissions";
import { userCreateSchema } from "@/lib/schemas";
import { ROLE_HELP, RoleSelect } from "../bits";
import { ScopeFields, useOwnScope, scopeBody, type ScopeDraft } from "../ScopeFields";
import { useCreateUser } from "./useUserMutations";

export function UserCreateForm() {
  const hosts = useHostsQuery();
  const toast = useToast();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const own = useOwnScope().draft;
  const [scope, setScope] = useState<ScopeDraft>(own);
  const [error, setError] = useState<string>();
  const create = useCreateUser({
    onSuccess: (u) => {
      toast("ok", `User ${u.username} created`, `${u.role} · ${describeScope(u)}`);
      setUsername("");
      setPassword("");
      setScope(own);
      setError(undefined);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const bad = fieldOf(error);
  return (
    <form
      className="flex flex-wrap items-start gap-x-6 gap-y-3 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { username: username.trim(), password, role, ...scopeBody(scope, false) };
        const problem = checkWith(userCreateSchema, body);
        setError(problem);
        if (!problem) create.mutate(body);
      }}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-3">
          <Field label="Username">
            <input
              name="username"
              autoComplete="off"
              className={`${inputClass} w-48`}
              value={username}
              aria-invalid={bad === "username" || undefined}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label="Password" hint="At least 8 characters.">
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              className={`${inputClass} w-48`}
              value={password}
              aria-invalid={bad === "password" || undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Field label="Role" hint={ROLE_HELP[role]}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
          <FormError message={error} />
        </div>
      </div>
      <ScopeFields value={scope} onChange={setScope} hosts={hosts.data?.items} invalidField={bad} />
    </form>
  );
}
