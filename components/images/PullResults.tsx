"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useJobs } from "@/components/jobs/useJobs";
import { JobProgress } from "@/components/jobs/JobProgress";
import type { PullRun } from "./usePullImages";

/** Each host's pull: live bars from its job while it runs, then the host's own result. */
export function PullResults({ runs, image }: { runs: PullRun[]; image: string }) {
  const jobs = useJobs();
  const canOperate = useCan("operate");
  const t = useTranslations("images.pull");
  const errorLine = useErrorLine();
  return (
    <ul className="flex flex-col gap-3" data-testid="pull-results">
      {runs.map((r) => {
        // A pull of a reference already being pulled on that host joins the running job.
        const job =
          jobs.find((j) => j.jobId === (r.result?.data?.jobId ?? r.jobId)) ??
          (r.result
            ? undefined
            : jobs.find(
                (j) =>
                  j.kind === "pull" && j.hostId === r.hostId && j.ref === r.image && j.state === "running",
              ));
        return (
          <li
            key={r.jobId}
            className="rounded border border-line p-2"
            data-testid={`pull-host-${r.hostId}`}
            data-result={r.result ? (r.result.ok ? "ok" : "error") : "running"}
          >
            {job ? (
              <JobProgress job={job} canCancel={canOperate} />
            ) : (
              !r.result && <div className="text-muted">{t("starting", { host: r.hostId })}</div>
            )}
            {r.result?.ok && (
              <div className="mt-1 text-ok" data-testid="pull-ok">
                {t("pulled", { host: r.hostId })}{" "}
                <Link
                  className="text-accent hover:underline"
                  href={`/hosts/${encodeURIComponent(r.hostId)}/images/${encodeURIComponent(r.result.data?.id ?? image)}`}
                >
                  {t("open")}
                </Link>
              </div>
            )}
            {r.result && !r.result.ok && !job?.error && (
              <div className="mt-1 text-bad" role="alert" data-testid="pull-error">
                {r.hostId}: {errorLine(r.result.cause ?? r.result.error?.message)}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
