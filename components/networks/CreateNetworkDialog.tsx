"use client";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import { draftField, FormDialog, TextField } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { checkNetworkDraft, EMPTY_NETWORK, networkCreateBody, type NetworkDraft } from "./network-form";
import { useCreateNetwork } from "./queries";

export function CreateNetworkDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateNetwork(hostId);
  const [d, setD] = useState<NetworkDraft>(EMPTY_NETWORK);
  const [error, setError] = useState<Error>();
  // The server names its own paths (IPAM.Config.0.Subnet), the dialog's check its fields (Subnet).
  const field = draftField(d, setD, (k) => errorField(error)?.toLowerCase().includes(k));
  return (
    <FormDialog
      open
      title={`New network on ${hostId}`}
      submitLabel="Create network"
      busy={create.isPending}
      error={error?.message}
      onCancel={onClose}
      onSubmit={() => {
        const problem = checkNetworkDraft(d);
        setError(problem);
        if (problem) return;
        create.mutate(networkCreateBody(d), {
          onSuccess: () => {
            toast("ok", `Network ${d.name} created`);
            onClose();
          },
          onError: setError,
        });
      }}
    >
      <TextField label="Name" {...field("name")} autoFocus autoComplete="off" className="font-mono text-xs" />
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-muted">Kind</legend>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="kind"
            checked={d.internal}
            onChange={() => setD({ ...d, internal: true })}
          />
          Internal bridge <span className="text-[11px] text-muted">(no route out of the host)</span>
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="kind"
            checked={!d.internal}
            onChange={() => setD({ ...d, internal: false })}
          />
          Bridge
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <TextField
          label="Subnet"
          hint="Optional; the engine picks one if empty."
          fieldClassName="w-52"
          {...field("subnet")}
          className="font-mono text-xs"
          placeholder="172.30.5.0/24"
        />
        <TextField
          label="Gateway"
          hint="Optional; inside the subnet."
          fieldClassName="w-44"
          {...field("gateway")}
          className="font-mono text-xs"
          placeholder="172.30.5.1"
        />
      </div>
      <KeyValueRows label="Labels" rows={d.labels} onChange={(labels) => setD({ ...d, labels })} />
    </FormDialog>
  );
}
