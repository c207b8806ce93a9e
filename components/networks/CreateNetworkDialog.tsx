"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import { Field, fieldOf, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { checkNetworkDraft, EMPTY_NETWORK, networkCreateBody, type NetworkDraft } from "./network-form";
import { useCreateNetwork } from "./queries";

export function CreateNetworkDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateNetwork(hostId);
  const [d, setD] = useState<NetworkDraft>(EMPTY_NETWORK);
  const [error, setError] = useState<string>();
  const bad = (f: string) => fieldOf(error)?.toLowerCase().includes(f) || undefined;
  const set = (k: "name" | "subnet" | "gateway") => (e: { target: { value: string } }) =>
    setD({ ...d, [k]: e.target.value });
  return (
    <FormDialog
      open
      title={`New network on ${hostId}`}
      submitLabel="Create network"
      busy={create.isPending}
      error={error}
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
          onError: (e) => setError(errorMessage(e)),
        });
      }}
    >
      <Field label="Name">
        <input
          name="name"
          autoFocus
          autoComplete="off"
          className={`${inputClass} font-mono text-xs`}
          value={d.name}
          aria-invalid={bad("name")}
          onChange={set("name")}
        />
      </Field>
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
        <Field label="Subnet" hint="Optional; the engine picks one if empty." className="w-52">
          <input
            name="subnet"
            className={`${inputClass} font-mono text-xs`}
            placeholder="172.30.5.0/24"
            value={d.subnet}
            aria-invalid={bad("subnet")}
            onChange={set("subnet")}
          />
        </Field>
        <Field label="Gateway" hint="Optional; inside the subnet." className="w-44">
          <input
            name="gateway"
            className={`${inputClass} font-mono text-xs`}
            placeholder="172.30.5.1"
            value={d.gateway}
            aria-invalid={bad("gateway")}
            onChange={set("gateway")}
          />
        </Field>
      </div>
      <KeyValueRows label="Labels" rows={d.labels} onChange={(labels) => setD({ ...d, labels })} />
    </FormDialog>
  );
}
