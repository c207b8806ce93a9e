"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { pullProgress } from "./pull-progress";
import { usePullImage } from "./queries";
import { usePullJob } from "./usePullJob";

/** The image is not on the host: pull it, then carry on with the create that needed it. */
export function MissingImageNotice({
  hostId,
  image,
  error,
  onPulled,
}: {
  hostId: string;
  image: string;
  /** The refused create: the server says which image is missing. */
  error: unknown;
  onPulled: () => void;
}) {
  const t = useTranslations("create.missing");
  const errorLine = useErrorLine();
  const pull = usePullImage(hostId);
  // Named by the client, so its progress events can be told apart before the pull answers.
  const [jobId, setJobId] = useState<string>();
  const job = usePullJob(hostId, jobId);
  const progress = job ? pullProgress(job.layers) : undefined;
  return (
    <div
      className="rounded border border-warn/50 bg-warn/10 px-3 py-2"
      role="alert"
      data-testid="image-missing"
    >
      <div>{t("text", { error: errorLine(error) })}</div>
      <div className="mt-2 flex items-center gap-2">
        <Button
          size="sm"
          variant="primary"
          disabled={pull.isPending}
          onClick={() => {
            const id = `create-${crypto.randomUUID()}`;
            setJobId(id);
            pull.mutate({ image, jobId: id }, { onSuccess: onPulled });
          }}
        >
          {pull.isPending ? t("pulling") : t("pull", { image })}
        </Button>
        {pull.isPending && (
          <>
            <div
              className="h-1.5 w-40 overflow-hidden rounded bg-panel-2"
              role="progressbar"
              aria-label={t("progress")}
              aria-valuenow={
                progress?.fraction !== undefined ? Math.round(progress.fraction * 100) : undefined
              }
            >
              {progress?.fraction !== undefined ? (
                <div className="h-full rounded bg-accent" style={{ width: `${progress.fraction * 100}%` }} />
              ) : (
                <div className="h-full w-1/3 animate-pulse rounded bg-accent" />
              )}
            </div>
            {progress && progress.total > 0 && (
              <span className="text-[11px] text-muted">
                {t("layers", { done: progress.done, total: progress.total })}
                {/* The engine's own status line, as it says it. */}
                {job?.status ? ` · ${job.status}` : ""}
              </span>
            )}
          </>
        )}
        {pull.error && <span className="text-bad">{t("pullFailed", { error: errorLine(pull.error) })}</span>}
      </div>
    </div>
  );
}
