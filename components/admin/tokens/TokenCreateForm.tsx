"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { useHostsQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";
import { checkWith, Field, fieldOf, FormError, inputClass } from "@/components/ui/Form";
import type { Role } from "@/lib/permissions";
import { tokenCreateSchema } from "@/lib/schemas";
import { ROLE_HELP, RoleSelect } from "../bits";
import { ScopeFields, useOwnScope, scopeBody, type ScopeDraft } from "../ScopeFields";
import { useCreateToken, type CreatedToken } from "./useTokenMutations";

export function TokenCreateForm({ onCreated }: { onCreated: (c: CreatedToken) => void }) {
  const hosts = useHostsQuery();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const own = useOwnScope().draft;
  const [scope, setScope] = useState<ScopeDraft>(own);
  const [error, setError] = useState<string>();
  const create = useCreateToken({
    onSuccess: (r) => {
      onCreated(r);
      setName("");
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
        const body = { name: name.trim(), role, ...scopeBody(scope, false) };
        const problem = checkWith(tokenCreateSchema, body);
        setError(problem);
        if (!problem) create.mutate(body);
      }}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-3">
          <Field label="Name" hint="What uses it, e.g. ci-deploy.">
            <input
              name="name"
              autoComplete="off"
              className={`${inputClass} w-56`}
              value={name}
              aria-invalid={bad === "name" || undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field label="Role" hint={ROLE_HELP[role]}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
          <FormError message={error} />
        </div>
      </div>
      <ScopeFields value={scope} onChange={setScope} hosts={hosts.data?.items} invalidField={bad} />
    </form>
  );
}
