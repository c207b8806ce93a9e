"use client";
import { useCan } from "@/components/hooks/useCan";
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
  const run = pull.runs[0];
  const result = run?.result;

  if (!update) return null;
  if (update.state === "error") {
    return (
      <span
        className="text-[11px] text-muted"
        title={`Update check failed: ${update.message ?? "unknown error"}`}
      >
        ?
      </span>
    );
  }
  if (update.state !== "available" || result?.ok) return null;
  const title = `${update.ref}: the registry serves ${update.remoteDigest ?? "a newer digest"}; this host has ${update.localDigest ?? "another"}.`;
  if (pull.busy && run) return <Pulling jobId={run.jobId} />;
  return (
    <button
      type="button"
      disabled={!canOperate}
      title={canOperate ? `${title} Click to pull it.` : title}
      onClick={() =>
        void pull.start({ image: update.ref, hosts: [hostId], registryId: update.registryId }).then(([r]) => {
          if (r?.ok) toast("ok", `Pulled ${update.ref} on ${hostId}`);
          else toast("error", `Pull ${update.ref} on ${hostId} failed`, r?.error?.message);
        })
      }
      className="rounded border border-warn/50 px-1 text-[11px] leading-4 text-warn hover:bg-warn/10 disabled:cursor-default"
      data-testid="update-available"
    >
      update ↓
    </button>
  );
}

/** Watches jobs only while its own pull runs, so a long list of badges costs nothing at rest. */
function Pulling({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  return (
    <span
      className="rounded border border-info/40 px-1 text-[11px] leading-4 text-info"
      data-testid="update-pulling"
    >
      pulling {job ? `${Math.round(jobProgress(job) * 100)}%` : "…"}
    </span>
  );
}
