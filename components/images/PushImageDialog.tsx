"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { useJob } from "@/components/jobs/useJobs";
import { JobProgress } from "@/components/jobs/JobProgress";
import { useRegistriesQuery } from "@/components/hooks/registry-queries";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { DialogShell, OperationFooter } from "./DialogShell";
import { newJobId } from "./job-id";
import { imagePaths } from "./queries";

/** Push one of the image's tags to a configured registry, with the registry's credentials. */
export function PushImageDialog({
  hostId,
  tags,
  onClose,
}: {
  hostId: string;
  tags: string[];
  onClose: () => void;
}) {
  const registries = useRegistriesQuery();
  const canOperate = useCan("operate");
  const [image, setImage] = useState(tags[0] ?? "");
  const [registryId, setRegistryId] = useState<number>();
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const items = registries.data?.items ?? [];
  const chosen = registryId ?? items[0]?.id;
  const push = useMutation({
    mutationFn: () => {
      const id = newJobId();
      setJobId(id);
      return api(imagePaths.push(hostId), { method: "POST", body: { image, registryId: chosen, jobId: id } });
    },
  });
  return (
    <DialogShell
      open
      title={`Push ${image}`}
      onClose={onClose}
      testId="push-dialog"
      footer={
        <OperationFooter
          started={!push.isIdle}
          running={push.isPending}
          onClose={onClose}
          action={
            <Button variant="primary" disabled={!image || !chosen} onClick={() => push.mutate()}>
              Push
            </Button>
          }
        />
      }
    >
      {push.isIdle ? (
        items.length === 0 ? (
          <div className="text-muted">
            No registry is configured; an admin adds them under Admin → Registries.
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <Field label="Tag to push">
              <select
                aria-label="Tag to push"
                className={`${inputClass} font-mono`}
                value={image}
                onChange={(e) => setImage(e.target.value)}
              >
                {tags.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </Field>
            <Field label="Registry" hint="The image goes to this registry under the same name and tag.">
              <select
                aria-label="Registry"
                className={inputClass}
                value={chosen}
                onChange={(e) => setRegistryId(Number(e.target.value))}
              >
                {items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} · {r.url}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )
      ) : (
        <div className="flex flex-col gap-2">
          {job ? (
            <JobProgress job={job} canCancel={canOperate} />
          ) : (
            push.isPending && <div className="text-muted">Starting the push…</div>
          )}
          {push.isSuccess && (
            <div className="text-ok" data-testid="push-result">
              Pushed {image}.
            </div>
          )}
          <FormError message={push.error?.message} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}
