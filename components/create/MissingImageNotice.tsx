"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { pullProgress } from "./pull-progress";
import { usePullImage } from "./queries";
import { usePullJob } from "./usePullJob";

/** The image is not on the host: pull it, then carry on with the create that needed it. */
export function MissingImageNotice({
  hostId,
  image,
  message,
  onPulled,
}: {
  hostId: string;
  image: string;
  message: string;
  onPulled: () => void;
}) {
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
      <div>
        {message}. Wharf pulls nothing on its own: pull it here, and the create carries on once it is in.
      </div>
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
          {pull.isPending ? "Pulling…" : `Pull ${image} and create`}
        </Button>
        {pull.isPending && (
          <>
            <div
              className="h-1.5 w-40 overflow-hidden rounded bg-panel-2"
              role="progressbar"
              aria-label="Pulling"
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
                {progress.done}/{progress.total} layers{job?.status ? ` · ${job.status}` : ""}
              </span>
            )}
          </>
        )}
        {pull.error && <span className="text-bad">Pull failed: {errorMessage(pull.error)}</span>}
      </div>
    </div>
  );
}
