"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useRegistriesQuery } from "@/components/hooks/registry-queries";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { DialogShell, OperationFooter } from "./DialogShell";
import { HostChecklist } from "./HostChecklist";
import { problemText, type FormProblem } from "./problem";
import { checkReference, effectiveReference } from "./pull-ref";
import { PullResults } from "./PullResults";
import { usePullImages } from "./usePullImages";

/** An example reference: a value, the same in every language. */
const REF_EXAMPLE = "localhost:5000/busybox:1.35";

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
  const t = useTranslations("images");
  const [image, setImage] = useState(preset.image ?? "");
  const [registryId, setRegistryId] = useState<number | undefined>(preset.registryId);
  const [picked, setPicked] = useState<string[]>(preset.hosts ?? []);
  const [error, setError] = useState<FormProblem>();
  const pull = usePullImages();
  const registry = registries.data?.items.find((r) => r.id === registryId);
  const ref = effectiveReference(image, registry?.url);
  const started = pull.runs.length > 0;

  const submit = () => {
    const problem: FormProblem | undefined =
      checkReference(ref) ??
      (picked.length === 0 ? { field: "hosts", reason: { key: "pickHost" } } : undefined);
    setError(problem);
    if (!problem) void pull.start({ image: ref, hosts: picked, registryId });
  };

  return (
    <DialogShell
      open
      wide
      title={started ? t("pull.titleStarted", { ref }) : t("pull.title")}
      onClose={onClose}
      testId="pull-dialog"
      footer={
        <OperationFooter
          started={started}
          running={pull.busy}
          onClose={onClose}
          action={
            <Button variant="primary" onClick={submit} data-testid="pull-submit">
              {t("pull.submit")}
            </Button>
          }
        >
          {pull.busy && <span className="mr-auto text-muted">{t("pull.keepsGoing")}</span>}
          {!pull.busy && <Button onClick={pull.reset}>{t("pull.another")}</Button>}
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
            label={t("pull.reference")}
            hint={
              ref !== image.trim()
                ? t.rich("pull.pulls", { ref, mono: (chunks) => <span className="font-mono">{chunks}</span> })
                : undefined
            }
          >
            <input
              className={`${inputClass} w-full font-mono`}
              value={image}
              autoFocus
              placeholder={REF_EXAMPLE}
              aria-invalid={error?.field === "image"}
              onChange={(e) => setImage(e.target.value)}
            />
          </Field>
          <Field label={t("pull.registry")} hint={t("pull.registryHint")}>
            <select
              className={inputClass}
              value={registryId ?? ""}
              onChange={(e) => setRegistryId(e.target.value ? Number(e.target.value) : undefined)}
            >
              <option value="">{t("pull.noRegistry")}</option>
              {registries.data?.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.url}
                </option>
              ))}
            </select>
          </Field>
          <HostChecklist hosts={hosts.data?.items ?? []} value={picked} onChange={setPicked} />
          <FormError error={error && problemText(t, error)} testId="dialog-error" />
          <button type="submit" hidden />
        </form>
      )}
    </DialogShell>
  );
}
