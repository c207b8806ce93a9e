"use client";
import { useTranslations } from "next-intl";
import { useCan } from "@/components/hooks/useCan";
import { useJobs, useJobsError } from "@/components/jobs/useJobs";
import { StackJobProgress } from "./StackJobProgress";

/**
 * The live progress of a stack's job: the one started here (by id), else one running on the stack
 * that someone else started. Nothing when there is neither.
 */
export function StackJobPanel({ hostId, name, jobId }: { hostId: string; name: string; jobId?: string }) {
  const jobs = useJobs(hostId);
  const watchError = useJobsError();
  const canOperate = useCan("operate");
  const t = useTranslations("stacks.job");
  const job = jobId
    ? jobs.find((j) => j.jobId === jobId)
    : jobs.find((j) => j.kind === "stack" && j.ref === name && j.state === "running");
  if (!job && !jobId) return null;
  return (
    <section className="rounded border border-line bg-panel p-3" aria-live="polite" aria-label={t("region")}>
      {job ? (
        <StackJobProgress job={job} canCancel={canOperate} />
      ) : (
        <div className="text-muted" data-testid="stack-job-waiting">
          {watchError ? t("unwatched", { error: watchError }) : t("waiting")}
        </div>
      )}
    </section>
  );
}
