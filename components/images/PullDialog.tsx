"use client";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useRegistriesQuery } from "@/components/hooks/registry-queries";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { DialogShell, OperationFooter } from "./DialogShell";
import { HostChecklist } from "./HostChecklist";
import { checkReference, effectiveReference } from "./pull-ref";
import { PullResults } from "./PullResults";
import { usePullImages } from "./usePullImages";

export interface PullPreset {
  image?: string;
  registryId?: number;
  hosts?: string[];
}

/** Pull a reference to one or several hosts, with live per-layer progress and a result per host. */
export function PullDialog({
  open,
  onClose,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  preset?: PullPreset;
}) {
  // Mounted only while open, so each opening starts from the preset.
  return open ? <PullForm onClose={onClose} preset={preset ?? {}} /> : null;
}

function PullForm({ onClose, preset }: { onClose: () => void; preset: PullPreset }) {
  const hosts = useHostsQuery();
  const registries = useRegistriesQuery();
  const [image, setImage] = useState(preset.image ?? "");
  const [registryId, setRegistryId] = useState<number | undefined>(preset.registryId);
  const [picked, setPicked] = useState<string[]>(preset.hosts ?? []);
  const [error, setError] = useState<string>();
  const pull = usePullImages();
  const registry = registries.data?.items.find((r) => r.id === registryId);
  const ref = effectiveReference(image, registry?.url);
  const started = pull.runs.length > 0;

  const submit = () => {
    const problem =
      checkReference(ref) ?? (picked.length === 0 ? "hosts: pick at least one host" : undefined);
    setError(problem);
    if (!problem) void pull.start({ image: ref, hosts: picked, registryId });
  };

  return (
    <DialogShell
      open
      wide
      title={started ? `Pull ${ref}` : "Pull an image"}
      onClose={onClose}
      testId="pull-dialog"
      footer={
        <OperationFooter
          started={started}
          running={pull.busy}
          onClose={onClose}
          action={
            <Button variant="primary" onClick={submit} data-testid="pull-submit">
              Pull
            </Button>
          }
        >
          {pull.busy && (
            <span className="mr-auto text-muted">Closing keeps the pull going; it stays in Jobs.</span>
          )}
          {!pull.busy && <Button onClick={pull.reset}>Pull another</Button>}
        </OperationFooter>
      }
    >
      {started ? (
        <PullResults runs={pull.runs} image={ref} />
      ) : (
        <form
          className="flex flex-col gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field
            label="Image reference"
            hint={
              ref !== image.trim() ? (
                <>
                  Pulls <span className="font-mono">{ref}</span>
                </>
              ) : undefined
            }
          >
            <input
              className={`${inputClass} w-full font-mono`}
              value={image}
              autoFocus
              placeholder="localhost:5000/busybox:1.35"
              aria-invalid={error?.startsWith("image:")}
              onChange={(e) => setImage(e.target.value)}
            />
          </Field>
          <Field
            label="Registry"
            hint="Credentials come from the chosen registry; a reference without a host pulls from it."
          >
            <select
              className={inputClass}
              value={registryId ?? ""}
              onChange={(e) => setRegistryId(e.target.value ? Number(e.target.value) : undefined)}
            >
              <option value="">none (public, or named in the reference)</option>
              {registries.data?.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.url}
                </option>
              ))}
            </select>
          </Field>
          <HostChecklist hosts={hosts.data?.items ?? []} value={picked} onChange={setPicked} />
          <FormError message={error} testId="dialog-error" />
          <button type="submit" hidden />
        </form>
      )}
    </DialogShell>
  );
}
