"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FormDialog } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import { registryUpdateSchema } from "@/lib/schemas";
import type { RegistryRecord } from "@/lib/types";
import { registryPaths } from "@/components/hooks/registry-queries";
import { draftOf, RegistryFields, updateBody } from "./RegistryFields";

/** A changed address or password makes every cached listing of the registry stale too. */
export function useRefreshRegistries() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.registries() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

export function EditDialog({ registry, onClose }: { registry: RegistryRecord; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("registries.edit");
  const refresh = useRefreshRegistries();
  const [d, setD] = useState(() => draftOf(registry));
  const [error, setError] = useState<Error>();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<RegistryRecord>(registryPaths.one(registry.id), { method: "PATCH", body }),
    onSuccess: (r) => {
      toast("ok", t("saved", { name: r.name }));
      onClose();
    },
    onError: setError,
    onSettled: refresh,
  });
  return (
    <FormDialog
      open
      title={t("title", { name: registry.name })}
      submitLabel={t("submit")}
      busy={save.isPending}
      error={error}
      onCancel={onClose}
      onSubmit={() => {
        const body = updateBody(d, registry);
        if (Object.keys(body).length === 0) return onClose();
        submitChecked(registryUpdateSchema, body, setError, save.mutate);
      }}
    >
      <RegistryFields
        value={d}
        onChange={setD}
        invalidField={errorField(error)}
        saved={registry.hasPassword}
      />
    </FormDialog>
  );
}

export function RemoveDialog({ registry, onClose }: { registry: RegistryRecord; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("registries.remove");
  const errorLine = useErrorLine();
  const refresh = useRefreshRegistries();
  const remove = useMutation({
    mutationFn: () => api(registryPaths.one(registry.id), { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", t("removed", { name: registry.name }));
      onClose();
    },
    onSettled: refresh,
  });
  return (
    <ConfirmDialog
      open
      title={t("title", { name: registry.name })}
      confirmLabel={remove.isPending ? t("removing") : t("submit")}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      {t("body")}
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
