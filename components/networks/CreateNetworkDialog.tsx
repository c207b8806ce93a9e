"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import { draftField, FormDialog, TextField } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { checkNetworkDraft, EMPTY_NETWORK, networkCreateBody, type NetworkDraft } from "./network-form";
import { useCreateNetwork } from "./queries";

export function CreateNetworkDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("networks.new");
  const create = useCreateNetwork(hostId);
  const [d, setD] = useState<NetworkDraft>(EMPTY_NETWORK);
  const [error, setError] = useState<Error>();
  // The server names its own paths (IPAM.Config.0.Subnet), the dialog's check its fields (Subnet).
  const field = draftField(d, setD, (k) => errorField(error)?.toLowerCase().includes(k));
  return (
    <FormDialog
      open
      title={t("title", { host: hostId })}
      submitLabel={t("submit")}
      busy={create.isPending}
      error={error}
      onCancel={onClose}
      onSubmit={() => {
        const problem = checkNetworkDraft(d);
        setError(problem);
        if (problem) return;
        create.mutate(networkCreateBody(d), {
          onSuccess: () => {
            toast("ok", t("created", { name: d.name }));
            onClose();
          },
          onError: setError,
        });
      }}
    >
      <TextField
        label={t("name")}
        {...field("name")}
        autoFocus
        autoComplete="off"
        className="font-mono text-xs"
      />
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-muted">{t("kind")}</legend>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="kind"
            checked={d.internal}
            onChange={() => setD({ ...d, internal: true })}
          />
          {t("internalBridge")} <span className="text-[11px] text-muted">{t("internalBridgeNote")}</span>
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="kind"
            checked={!d.internal}
            onChange={() => setD({ ...d, internal: false })}
          />
          {t("bridge")}
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <TextField
          label={t("subnet")}
          hint={t("subnetHint")}
          fieldClassName="w-52"
          {...field("subnet")}
          className="font-mono text-xs"
          placeholder="172.30.5.0/24"
        />
        <TextField
          label={t("gateway")}
          hint={t("gatewayHint")}
          fieldClassName="w-44"
          {...field("gateway")}
          className="font-mono text-xs"
          placeholder="172.30.5.1"
        />
      </div>
      <KeyValueRows label={t("labels")} rows={d.labels} onChange={(labels) => setD({ ...d, labels })} />
    </FormDialog>
  );
}
