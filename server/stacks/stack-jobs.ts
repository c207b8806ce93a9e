import { AppError } from "../../lib/errors";
import type { StackOperation } from "../../lib/stacks/types";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import type { HostConnection } from "../engines/host-connection";
import { Readable } from "node:stream";
import type { ComposeService } from "../../lib/compose/model";
import { startBuild } from "../images/build";
import { jobResult, startPull } from "../images/pull";
import { writeTar } from "../images/tar";
import { ownerOf } from "../scope/image-owners";
import { StackJob } from "./stack-job";

/** One operation per stack at a time: two deploys of one project would undo each other's steps. */
const underWay = new Set<string>();

/**
 * Starts a stack operation as a job: progress per service goes out as `job:update`, there is no
 * request timeout, and it can be cancelled. `work` returns the containers it changed, so the host's
 * live list shows them at once.
 */
export function startStackJob(
  ctx: AppContext,
  host: HostConnection,
  p: Principal,
  name: string,
  operation: StackOperation,
  work: (job: StackJob) => Promise<string[]>,
  jobId?: string,
): StackJob {
  const key = `${host.spec.id}\0${name}`;
  if (underWay.has(key))
    throw new AppError(
      "CONFLICT",
      `another operation on stack ${name} is under way; wait for it or cancel it`,
    );
  const job = ctx.images.jobs.startWith(
    {
      kind: "stack",
      hostId: host.spec.id,
      ref: name,
      user: p.name,
      ...(ownerOf(p) ? { owner: ownerOf(p) } : {}),
      ...(jobId ? { jobId } : {}),
    },
    (init, changed) =>
      new StackJob(
        init,
        operation,
        async (j) => {
          const changedIds = await work(j);
          await Promise.all(changedIds.map((id) => host.live.containers.touch(id)));
        },
        changed,
      ),
  );
  underWay.add(key);
  void job.done.finally(() => underWay.delete(key));
  return job;
}

/** Pulls an image for a stack as an image job of its own, recorded as the principal's. */
export function stackPuller(ctx: AppContext, host: HostConnection, p: Principal) {
  return async (ref: string) => {
    const { job } = startPull(ctx, host, { image: ref, user: p.name, owner: ownerOf(p) });
    const r = await jobResult(job);
    ctx.imageOwners.record(host.spec.id, r.id, p, "pull");
  };
}

/** The files under a build context, as a tar for the engine's classic builder. */
export function contextTar(files: Record<string, string>, context: string): Buffer {
  const root = context.replace(/^\.\/?/, "").replace(/\/+$/, "");
  const prefix = root ? `${root}/` : "";
  const entries = Object.entries(files)
    .filter(([path]) => !prefix || path.startsWith(prefix))
    .map(([path, content]) => ({
      kind: "file" as const,
      name: path.slice(prefix.length),
      data: Buffer.from(content, "utf8"),
      mtime: Date.now(),
    }));
  return writeTar(entries);
}

/** Builds a service's image from the stack's files as a build job of its own, recorded as the principal's. */
export function stackBuilder(
  ctx: AppContext,
  host: HostConnection,
  p: Principal,
  files: Record<string, string>,
) {
  return async (s: ComposeService, image: string) => {
    const b = s.build;
    if (!b) throw new AppError("VALIDATION", `services.${s.name}.build: the service has nothing to build`);
    const dockerfile = b.dockerfile ?? "Dockerfile";
    const root = b.context.replace(/^\.\/?/, "").replace(/\/+$/, "");
    if (files[root ? `${root}/${dockerfile}` : dockerfile] === undefined)
      throw new AppError(
        "VALIDATION",
        `services.${s.name}.build: the stack has no file ${root ? `${root}/` : ""}${dockerfile}; add it to the stack's files`,
      );
    const job = startBuild(ctx, host, Readable.from([contextTar(files, b.context)]), {
      tags: [image],
      dockerfile,
      ...(Object.keys(b.args).length ? { buildArgs: b.args } : {}),
      ...(Object.keys(b.labels).length ? { labels: b.labels } : {}),
      ...(b.target ? { target: b.target } : {}),
      user: p.name,
      owner: ownerOf(p),
    });
    const r = await jobResult(job);
    ctx.imageOwners.record(host.spec.id, r.id, p, "build");
  };
}
