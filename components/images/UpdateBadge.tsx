"use client";
import { useTranslations } from "next-intl";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useJob } from "@/components/jobs/useJobs";
import { jobProgress } from "@/components/jobs/job-progress";
import { useToast } from "@/components/ui/Toasts";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { usePullImages } from "./usePullImages";

/**
 * "Update available" for a tag whose registry now serves another digest; one click pulls the new one
 * to this host. Other states stay silent but for a check that failed, which says why on hover.
 */
export function UpdateBadge({ hostId, update }: { hostId: string; update?: ImageUpdateStatus }) {
  const canOperate = useCan("operate");
  const pull = usePullImages();
  const toast = useToast();
  const t = useTranslations("images.update");
  const errorLine = useErrorLine();
  const run = pull.runs[0];
  const result = run?.result;

  if (!update) return null;
  if (update.state === "error") {
    return (
      <span
        className="text-[11px] text-muted"
        title={t("checkFailed", { message: update.message ?? t("unknownError") })}
      >
        ?
      </span>
    );
  }
  if (update.state !== "available" || result?.ok) return null;
  const title = t("available", {
    ref: update.ref,
    remote: update.remoteDigest ?? t("newerDigest"),
    local: update.localDigest ?? t("anotherDigest"),
  });
  if (pull.busy && run) return <Pulling jobId={run.jobId} />;
  return (
    <button
      type="button"
      disabled={!canOperate}
      title={canOperate ? t("clickToPull", { title }) : title}
      onClick={() =>
        void pull.start({ image: update.ref, hosts: [hostId], registryId: update.registryId }).then(([r]) => {
          if (r?.ok) toast("ok", t("pulled", { ref: update.ref, host: hostId }));
          else
            toast(
              "error",
              t("pullFailed", { ref: update.ref, host: hostId }),
              r && errorLine(r.cause ?? r.error?.message),
            );
        })
      }
      className="rounded border border-warn/50 px-1 text-[11px] leading-4 text-warn hover:bg-warn/10 disabled:cursor-default"
      data-testid="update-available"
    >
      {t("badge")}
    </button>
  );
}

/** Watches jobs only while its own pull runs, so a long list of badges costs nothing at rest. */
function Pulling({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  const t = useTranslations("images.update");
  return (
    <span
      className="rounded border border-info/40 px-1 text-[11px] leading-4 text-info"
      data-testid="update-pulling"
    >
      {job ? t("pullingPercent", { percent: Math.round(jobProgress(job) * 100) }) : t("pulling")}
    </span>
  );
}
