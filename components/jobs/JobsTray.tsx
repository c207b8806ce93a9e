"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useJobs, useJobsError } from "@/components/jobs/useJobs";
import { JobProgress } from "./JobProgress";
import { jobProgress } from "./job-progress";
import { NO_ANSWER } from "./job-store";

const RECENT = 8;

/**
 * Pulls, pushes and builds on the hosts in view, as everyone sees them: a job started in another
 * browser shows the same bars here. Collapsed to one line until opened.
 */
export function JobsTray({ hostId }: { hostId?: string }) {
  const jobs = useJobs(hostId);
  const error = useJobsError();
  const canOperate = useCan("operate");
  const t = useTranslations("jobs.tray");
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState<string>();
  const running = jobs.filter((j) => j.state === "running");
  const shown = [...running, ...jobs.filter((j) => j.state !== "running").slice(0, RECENT)];
  if (error && jobs.length === 0) {
    return (
      <div className="border-t border-line bg-panel px-3 py-1 text-bad" role="alert" data-testid="jobs-error">
        {t("unavailable", { error: error === NO_ANSWER ? t("noAnswer") : error })}
      </div>
    );
  }
  if (jobs.length === 0) return null;
  return (
    <section className="border-t border-line bg-panel" data-testid="jobs-tray" aria-label={t("title")}>
      <button
        type="button"
        className="flex w-full items-center gap-2 px-3 py-1 text-left hover:bg-panel-2"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="font-medium">{t("title")}</span>
        <span className="text-muted" data-testid="jobs-count">
          {t("count", { running: running.length, recent: jobs.length - running.length })}
        </span>
        {!open && running[0] && (
          <span className="ml-2 min-w-0 truncate font-mono text-xs text-muted">
            {running[0].ref} {Math.round(jobProgress(running[0]) * 100)}%
          </span>
        )}
        <span className="ml-auto text-muted">{open ? "▾" : "▴"}</span>
      </button>
      {open && (
        <ul className="max-h-72 overflow-auto border-t border-line">
          {shown.map((j) => (
            <li key={j.jobId} className="border-b border-line/60 px-3 py-1.5">
              <JobProgress job={j} canCancel={canOperate} showLayers={expanded === j.jobId} />
              {j.layers.length > 0 && (
                <button
                  type="button"
                  className="text-[11px] text-accent hover:underline"
                  onClick={() => setExpanded((e) => (e === j.jobId ? undefined : j.jobId))}
                >
                  {expanded === j.jobId ? t("hideLayers") : t("layers", { count: j.layers.length })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
