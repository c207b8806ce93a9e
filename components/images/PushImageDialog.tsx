"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("images.push");
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
      title={t("title", { image })}
      onClose={onClose}
      testId="push-dialog"
      footer={
        <OperationFooter
          started={!push.isIdle}
          running={push.isPending}
          onClose={onClose}
          action={
            <Button variant="primary" disabled={!image || !chosen} onClick={() => push.mutate()}>
              {t("submit")}
            </Button>
          }
        />
      }
    >
      {push.isIdle ? (
        items.length === 0 ? (
          <div className="text-muted">{t("noRegistry")}</div>
        ) : (
          <div className="flex flex-col gap-3">
            <Field label={t("tag")}>
              <select
                aria-label={t("tag")}
                className={`${inputClass} font-mono`}
                value={image}
                onChange={(e) => setImage(e.target.value)}
              >
                {tags.map((tag) => (
                  <option key={tag}>{tag}</option>
                ))}
              </select>
            </Field>
            <Field label={t("registry")} hint={t("registryHint")}>
              <select
                aria-label={t("registry")}
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
            push.isPending && <div className="text-muted">{t("starting")}</div>
          )}
          {push.isSuccess && (
            <div className="text-ok" data-testid="push-result">
              {t("pushed", { image })}
            </div>
          )}
          <FormError error={push.error} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}
