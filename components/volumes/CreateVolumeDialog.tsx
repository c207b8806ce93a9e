"use client";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { KeyValueRows, recordOf, type KeyValue } from "@/components/ui/KeyValueRows";
import { FormDialog, TextField } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
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
  const [error, setError] = useState<Error>();
  const bad = (f: string) => errorField(error)?.startsWith(f);
  return (
    <FormDialog
      open
      title={`New volume on ${hostId}`}
      submitLabel="Create volume"
      busy={create.isPending}
      error={error?.message}
      onCancel={onClose}
      onSubmit={() => {
        const body = {
          ...(name ? { Name: name } : {}),
          Driver: driver.trim(),
          DriverOpts: recordOf(options),
          Labels: recordOf(labels),
        };
        // The server's own schema, so the message is the one it would answer.
        submitChecked(volumeCreateSchema, body, setError, (b) =>
          create.mutate(b, {
            onSuccess: (v) => {
              toast("ok", `Volume ${v?.name ?? name} created`);
              onClose();
            },
            onError: setError,
          }),
        );
      }}
    >
      <div className="flex flex-wrap gap-3">
        <TextField
          label="Name"
          hint="Leave empty for an engine-generated name."
          fieldClassName="flex-1"
          name="name"
          autoFocus
          autoComplete="off"
          className="font-mono text-xs"
          value={name}
          invalid={bad("Name")}
          onValue={setName}
        />
        <TextField
          label="Driver"
          hint="local, or a plugin installed on the host."
          name="driver"
          className="w-32"
          value={driver}
          invalid={bad("Driver")}
          onValue={setDriver}
        />
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
