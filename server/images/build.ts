import type { Readable } from "node:stream";
import { PassThrough } from "node:stream";
import { AppError } from "../../lib/errors";
import { formatReference, parseReference } from "../../lib/images/reference";
import type { AppContext } from "../context";
import { buildEngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import type { Job } from "./job";
import { openEngineStream } from "./engine-stream";
import { writeTar } from "./tar";
import { ZIP_MAGIC, ZipError, zipEntries } from "./zip";

export interface BuildRequest {
  tags: string[];
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  target?: string;
  jobId?: string;
  user: string;
  owner?: string;
}

/** A zip must be read whole (its directory is at the end); a tar streams through untouched. */
export const MAX_ZIP_BYTES = 128 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** The build context for a pasted Dockerfile: a tar holding just that file. */
export function dockerfileContext(dockerfile: string): Readable {
  const tar = writeTar([
    { kind: "file", name: "Dockerfile", data: Buffer.from(dockerfile, "utf8"), mtime: Date.now() },
  ]);
  const s = new PassThrough();
  s.end(tar);
  return s;
}

/**
 * An uploaded context: a zip is converted to a tar; anything else (tar, gzipped tar) goes to the engine
 * as it arrives, so a large context is never held in memory.
 */
export async function uploadedContext(body: Readable): Promise<Readable> {
  const iter = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iter.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  if (!head.length) throw new AppError("VALIDATION", "body: send the build context as a tar or zip archive");
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const chunks: Buffer[] = [head];
    let size = head.length;
    for (let r = await iter.next(); !r.done; r = await iter.next()) {
      size += r.value.length;
      if (size > MAX_ZIP_BYTES)
        throw new AppError(
          "VALIDATION",
          `body: a zip context may be at most ${MAX_ZIP_BYTES} bytes; send a tar`,
        );
      chunks.push(r.value);
    }
    try {
      const tar = writeTar(zipEntries(Buffer.concat(chunks), MAX_UNZIPPED_BYTES));
      const s = new PassThrough();
      s.end(tar);
      return s;
    } catch (e) {
      if (e instanceof ZipError || e instanceof Error)
        throw new AppError("VALIDATION", `body: the zip ${e.message}`);
      throw e;
    }
  }
  const out = new PassThrough();
  out.write(head);
  void (async () => {
    try {
      for (let r = await iter.next(); !r.done; r = await iter.next()) {
        if (!out.write(r.value)) await new Promise((resolve) => out.once("drain", resolve));
      }
      out.end();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}

function checkedTags(tags: string[]): string[] {
  return tags.map((t) => {
    const r = parseReference(t);
    if (!r.ok) throw new AppError("VALIDATION", `tags: ${t} ${r.error}`);
    if (r.ref.digest) throw new AppError("VALIDATION", `tags: ${t} is a digest; name a tag`);
    return formatReference(r.ref);
  });
}

/** Starts a classic-builder build on a host; its output lines become the job's log. */
export function startBuild(ctx: AppContext, host: HostConnection, context: Readable, req: BuildRequest): Job {
  const tags = checkedTags(req.tags);
  const { jobs, updates } = ctx.images;
  return jobs.start(
    {
      kind: "build",
      hostId: host.spec.id,
      ref: tags[0] ?? "(untagged)",
      user: req.user,
      ...(req.owner ? { owner: req.owner } : {}),
      ...(req.jobId ? { jobId: req.jobId } : {}),
    },
    {
      open: (signal) =>
        openEngineStream(
          host,
          () =>
            buildEngineImage(
              host,
              context,
              {
                t: tags,
                ...(req.dockerfile ? { dockerfile: req.dockerfile } : {}),
                ...(req.buildArgs ? { buildargs: req.buildArgs } : {}),
                ...(req.labels ? { labels: req.labels } : {}),
                ...(req.target ? { target: req.target } : {}),
              },
              signal,
            ),
          (m) => new AppError("ENGINE_ERROR", m),
        ),
      complete: (p) => {
        for (const t of tags) updates.invalidate(t);
        const built = [...p.log]
          .reverse()
          .map((l) => /^Successfully built ([0-9a-f]+)/.exec(l)?.[1])
          .find(Boolean);
        if (p.imageId) return p.imageId;
        if (built) return built;
        throw new AppError("ENGINE_ERROR", "the build ended without naming an image");
      },
    },
  ).job;
}
