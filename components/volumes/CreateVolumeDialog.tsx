"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { KeyValueRows, recordOf, type KeyValue } from "@/components/ui/KeyValueRows";
import { checkWith, Field, fieldOf, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { volumeCreateSchema } from "@/lib/volumes";
import { useCreateVolume } from "./queries";

export function CreateVolumeDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateVolume(hostId);
  const [name, setName] = useState("");
  const [driver, setDriver] = useState("local");
  const [options, setOptions] = useState<KeyValue[]>([]);
  const [labels, setLabels] = useState<KeyValue[]>([]);
  const [error, setError] = useState<string>();
  const bad = (f: string) => fieldOf(error)?.startsWith(f) || undefined;
  return (
    <FormDialog
      open
      title={`New volume on ${hostId}`}
      submitLabel="Create volume"
      busy={create.isPending}
      error={error}
      onCancel={onClose}
      onSubmit={() => {
        const body = {
          ...(name ? { Name: name } : {}),
          Driver: driver.trim(),
          DriverOpts: recordOf(options),
          Labels: recordOf(labels),
        };
        // The server's own schema, so the message is the one it would answer.
        const problem = checkWith(volumeCreateSchema, body);
        setError(problem);
        if (problem) return;
        create.mutate(body, {
          onSuccess: (v) => {
            toast("ok", `Volume ${v?.name ?? name} created`);
            onClose();
          },
          onError: (e) => setError(errorMessage(e)),
        });
      }}
    >
      <div className="flex flex-wrap gap-3">
        <Field label="Name" hint="Leave empty for an engine-generated name." className="flex-1">
          <input
            name="name"
            autoFocus
            autoComplete="off"
            className={`${inputClass} font-mono text-xs`}
            value={name}
            aria-invalid={bad("Name")}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label="Driver" hint="local, or a plugin installed on the host.">
          <input
            name="driver"
            className={`${inputClass} w-32`}
            value={driver}
            aria-invalid={bad("Driver")}
            onChange={(e) => setDriver(e.target.value)}
          />
        </Field>
      </div>
      <KeyValueRows
        label="Driver options"
        rows={options}
        onChange={setOptions}
        keyPlaceholder="type"
        valuePlaceholder="tmpfs"
      />
      <KeyValueRows label="Labels" rows={labels} onChange={setLabels} />
    </FormDialog>
  );
}
