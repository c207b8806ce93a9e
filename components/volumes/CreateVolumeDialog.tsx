"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { KeyValueRows, recordOf, type KeyValue } from "@/components/ui/KeyValueRows";
import { FormDialog, TextField } from "@/components/ui/Form";
import { submitChecked } from "@/components/ui/form-check";
import { useToast } from "@/components/ui/Toasts";
import { volumeCreateSchema } from "@/lib/volumes";
import { useCreateVolume } from "./queries";

/** A driver option as the engine takes it (`type=tmpfs`): an example, the same in every language. */
const OPTION_EXAMPLE = { key: "type", value: "tmpfs" };

export function CreateVolumeDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("volumes.new");
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
      title={t("title", { host: hostId })}
      submitLabel={t("submit")}
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
        submitChecked(volumeCreateSchema, body, setError, (b) =>
          create.mutate(b, {
            onSuccess: (v) => {
              toast("ok", t("created", { name: v?.name ?? name }));
              onClose();
            },
            onError: setError,
          }),
        );
      }}
    >
      <div className="flex flex-wrap gap-3">
        <TextField
          label={t("name")}
          hint={t("nameHint")}
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
          label={t("driver")}
          hint={t("driverHint")}
          name="driver"
          className="w-32"
          value={driver}
          invalid={bad("Driver")}
          onValue={setDriver}
        />
      </div>
      <KeyValueRows
        label={t("driverOptions")}
        rows={options}
        onChange={setOptions}
        keyPlaceholder={OPTION_EXAMPLE.key}
        valuePlaceholder={OPTION_EXAMPLE.value}
      />
      <KeyValueRows label={t("labels")} rows={labels} onChange={setLabels} />
    </FormDialog>
  );
}
