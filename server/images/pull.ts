import {
  formatReference,
  parseReference,
  repositoryOf,
  type ImageReference,
} from "../../lib/images/reference";
import { AppError } from "../../lib/errors";
import type { AppContext } from "../context";
import { inspectEngineImage, pullEngineImage, pushEngineImage, tagEngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import type { Job } from "./job";
import { classifyRegistryMessage, openEngineStream } from "./engine-stream";
import { registryAuth, resolveRegistry } from "./registry-match";

export interface TransferRequest {
  image: string;
  registryId?: number;
  jobId?: string;
  user: string;
  owner?: string;
  /** Called with a local name before push tags the image under it (a scope check may refuse it). */
  checkName?: (name: string) => Promise<void>;
}

function parsed(image: string): ImageReference {
  const r = parseReference(image);
  if (!r.ok) throw new AppError("VALIDATION", `image: ${r.error}`);
  return r.ref;
}

/**
 * Starts (or joins) a pull on a host. Credentials come from the stored registry, matched by id or by
 * the reference's registry host, and travel only in the engine's X-Registry-Auth header.
 */
export function startPull(
  ctx: AppContext,
  host: HostConnection,
  req: TransferRequest,
): { job: Job; joined: boolean } {
  const { ref, target } = resolveRegistry(ctx.registries, parsed(req.image), req.registryId);
  const refText = formatReference(ref);
  const auth = registryAuth(target);
  const tag = ref.digest ?? ref.tag ?? "latest";
  return startTransfer(ctx, host, req, "pull", refText, (signal) =>
    pullEngineImage(host, { fromImage: repositoryOf(ref), tag }, auth, signal),
  );
}

/**
 * Starts a push. A local name without a registry host (`local/busybox:1.35` to registry 5000) is first
 * tagged under the registry's address, as `docker tag` then `docker push` would.
 */
export async function startPush(ctx: AppContext, host: HostConnection, req: TransferRequest): Promise<Job> {
  const source = parsed(req.image);
  if (source.digest) throw new AppError("VALIDATION", "image: push a tag, not a digest");
  const { ref, target } = resolveRegistry(ctx.registries, source, req.registryId);
  const tag = ref.tag ?? "latest";
  const refText = formatReference(ref);
  if (ref.domain !== source.domain) {
    await req.checkName?.(`${repositoryOf(ref)}:${tag}`);
    await tagEngineImage(host, formatReference(source), repositoryOf(ref), tag);
  }
  const auth = registryAuth(target);
  return startTransfer(ctx, host, req, "push", refText, (signal) =>
    pushEngineImage(host, repositoryOf(ref), tag, auth, signal),
  ).job;
}

/**
 * A pull or push as a job: the engine's progress stream, registry errors named as such, and at the end
 * the image's id, with the update check's answer for that reference dropped.
 */
function startTransfer(
  ctx: AppContext,
  host: HostConnection,
  req: TransferRequest,
  kind: "pull" | "push",
  refText: string,
  request: (signal: AbortSignal) => ReturnType<typeof pullEngineImage>,
): { job: Job; joined: boolean } {
  const { jobs, updates } = ctx.images;
  return jobs.start(
    {
      kind,
      hostId: host.spec.id,
      ref: refText,
      user: req.user,
      ...(req.owner ? { owner: req.owner } : {}),
      ...(req.jobId ? { jobId: req.jobId } : {}),
    },
    {
      open: (signal) => openEngineStream(host, () => request(signal), classifyRegistryMessage),
      classify: classifyRegistryMessage,
      complete: async () => {
        updates.invalidate(refText);
        return (await inspectEngineImage(host, refText)).Id;
      },
    },
  );
}

/** Waits for a job's end: its image id, or the error the engine gave (cancelled is a conflict). */
export async function jobResult(job: Job): Promise<{ id: string; jobId: string }> {
  await job.done;
  const err = job.outcome();
  if (err) throw err;
  return { id: job.imageId ?? "", jobId: job.id };
}
