"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFormat } from "@/components/i18n/useFormat";
import { useJobCancelAction } from "@/components/jobs/useJobs";
import { Button } from "@/components/ui/Button";
import { useNow } from "@/components/hooks/useNow";
import { shortId } from "@/lib/format";
import type { JobSnapshot } from "@/lib/images/types";
import { jobProgress } from "./job-progress";
import { JobLayerHeader, JobLayerRow } from "./JobLayerRow";
import { JobStateBadge } from "./JobStateBadge";
import { ProgressBar } from "./ProgressBar";

/**
 * A job's overall bar, its per-layer bars, its last status or error, and Cancel while it runs. The
 * status and the error are the engine's own words, shown as they came.
 */
export function JobProgress({
  job,
  canCancel,
  showLayers = true,
}: {
  job: JobSnapshot;
  canCancel: boolean;
  showLayers?: boolean;
}) {
  const cancel = useJobCancelAction();
  const t = useTranslations("jobs");
  const format = useFormat();
  const running = job.state === "running";
  const now = useNow(5000);
  const kind = t(`kind.${job.kind}`);
  return (
    <div className="flex flex-col gap-1" data-testid={`job-${job.jobId}`} data-state={job.state}>
      <div className="flex items-center gap-2">
        <JobStateBadge state={job.state} />
        <span className="text-muted">{kind}</span>
        <span className="min-w-0 truncate font-mono text-xs" title={job.ref}>
          {job.ref}
        </span>
        <span className="text-muted">{t("progress.on", { host: job.hostId })}</span>
        <span className="text-[11px] text-muted" title={new Date(job.startedAt).toISOString()}>
          {t("progress.by", { user: job.user, age: format.age(job.startedAt, now) })}
        </span>
        {job.imageId && (
          <Link
            className="font-mono text-xs text-accent hover:underline"
            href={`/hosts/${encodeURIComponent(job.hostId)}/images/${encodeURIComponent(job.imageId)}`}
          >
            {shortId(job.imageId)}
          </Link>
        )}
        {running && canCancel && (
          <Button size="sm" className="ml-auto" onClick={() => cancel.cancel(job.jobId)}>
            {t("progress.cancel")}
          </Button>
        )}
      </div>
      <ProgressBar
        value={jobProgress(job)}
        tone={job.state === "error" ? "bad" : job.state === "done" ? "ok" : "accent"}
        label={t("progress.bar", { kind, ref: job.ref, host: job.hostId })}
      />
      {job.status && <div className="truncate font-mono text-[11px] text-muted">{job.status}</div>}
      {job.error && (
        <div className="text-bad" role="alert" data-testid="job-error">
          {job.error}
        </div>
      )}
      {cancel.error && (
        <div className="text-bad" role="alert">
          {t("progress.cancelFailed", { error: cancel.error })}
        </div>
      )}
      {showLayers && job.layers.length > 0 && (
        <ul className="mt-1 flex flex-col gap-0.5" data-testid="job-layers">
          <JobLayerHeader push={job.kind === "push"} />
          {job.layers.map((l) => (
            <JobLayerRow key={l.id} layer={l} />
          ))}
        </ul>
      )}
    </div>
  );
}
