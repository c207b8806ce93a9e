"use client";
import { useTranslations } from "next-intl";
import { JobStateBadge } from "@/components/jobs/JobStateBadge";
import { ProgressBar } from "@/components/jobs/ProgressBar";
import { useJobCancelAction } from "@/components/jobs/useJobs";
import { Button } from "@/components/ui/Button";
import type { JobSnapshot } from "@/lib/images/types";
import { STACK_OPERATIONS, type StackOperation, type StackServiceProgress } from "@/lib/stacks/types";
import { stackProgress } from "./stack-progress";

const SERVICE_STYLE = {
  waiting: "text-muted border-line",
  working: "text-info border-info/40",
  done: "text-ok border-ok/40",
  failed: "text-bad border-bad/40",
  restored: "text-warn border-warn/40",
  skipped: "text-muted border-line",
} as const satisfies Record<StackServiceProgress["state"], string>;

/** Lines of the job's log shown; the store keeps more, the server fewer than that. */
const LOG_SHOWN = 200;

const isOperation = (op: string | undefined): op is StackOperation =>
  (STACK_OPERATIONS as readonly (string | undefined)[]).includes(op);

/**
 * A stack job as it runs: a bar of services done over all, each service's state and step (the
 * server's words), the error it ended with, and its log. Cancel while it runs.
 */
export function StackJobProgress({ job, canCancel }: { job: JobSnapshot; canCancel: boolean }) {
  const t = useTranslations("stacks.job");
  const cancel = useJobCancelAction();
  const p = stackProgress(job);
  const op = isOperation(job.operation) ? t(`op.${job.operation}`) : (job.operation ?? "");
  const running = job.state === "running";
  return (
    <div className="flex flex-col gap-2" data-testid="stack-job" data-state={job.state} data-job={job.jobId}>
      <div className="flex flex-wrap items-center gap-2">
        <JobStateBadge state={job.state} />
        <span className="font-medium">{t("title", { op, name: job.ref })}</span>
        <span className="text-muted tabular-nums" data-testid="stack-job-count">
          {t("count", { done: p.done, total: p.total })}
        </span>
        <span className="text-[11px] text-muted">{t("by", { user: job.user, host: job.hostId })}</span>
        {running && canCancel && (
          <Button size="sm" className="ml-auto" onClick={() => cancel.cancel(job.jobId)}>
            {t("cancel")}
          </Button>
        )}
      </div>
      <ProgressBar
        value={p.fraction}
        tone={job.state === "error" ? "bad" : job.state === "done" ? "ok" : "accent"}
        label={t("bar", { op, name: job.ref, done: p.done, total: p.total })}
      />
      {job.error && (
        <div className="text-bad" role="alert" data-testid="stack-job-error">
          {job.error}
        </div>
      )}
      {cancel.error && (
        <div className="text-bad" role="alert">
          {t("cancelFailed", { error: cancel.error })}
        </div>
      )}
      {(job.services ?? []).length > 0 && (
        <ul className="grid grid-cols-[10rem_6rem_1fr] gap-x-2 gap-y-0.5" data-testid="stack-job-services">
          {(job.services ?? []).map((s) => (
            <li
              key={s.service}
              className="contents"
              data-testid={`job-service-${s.service}`}
              data-state={s.state}
            >
              <span className="truncate font-medium">{s.service}</span>
              <span>
                <span className={`rounded border px-1 text-[11px] leading-4 ${SERVICE_STYLE[s.state]}`}>
                  {t(`service.${s.state}`)}
                </span>
              </span>
              <span className="truncate text-muted" title={s.detail}>
                {s.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
      {job.log.length > 0 && (
        <details open>
          <summary className="cursor-pointer text-[11px] text-muted">
            {t("log", { count: job.log.length })}
          </summary>
          <pre
            className="mt-1 max-h-48 overflow-auto rounded border border-line bg-bg p-2 font-mono text-[11px] leading-4"
            data-testid="stack-job-log"
          >
            {job.log.slice(-LOG_SHOWN).join("\n")}
          </pre>
        </details>
      )}
    </div>
  );
}
