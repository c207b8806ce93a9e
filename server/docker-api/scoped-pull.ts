import { Transform } from "node:stream";
import { AppError } from "../../lib/errors";
import type { Principal } from "../auth/principal";
import { inspectEngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import type { ImageOwnerStore } from "../scope/image-owners";

/**
 * The one name a `POST /images/create?fromImage=…&tag=…` pulls (`docker pull` sends the tag apart,
 * a digest as `tag=sha256:…`). Undefined for an import (`fromSrc`), which has no name to check, and
 * for `docker pull -a` (no tag at all), which takes every tag of the repository at once.
 */
export function pulledName(url: URL): string | undefined {
  const from = url.searchParams.get("fromImage");
  if (!from || url.searchParams.has("fromSrc")) return undefined;
  const tag = url.searchParams.get("tag");
  if (!tag) return /[:@][^/]*$/.test(from) ? from : undefined;
  return `${from}${tag.includes(":") ? "@" : ":"}${tag}`;
}

/** The name a label-scoped pull may be checked by, or why it cannot be. */
export function requirePullName(url: URL): string {
  const name = pulledName(url);
  if (name) return name;
  if (url.searchParams.get("fromImage") && !url.searchParams.has("fromSrc"))
    throw new AppError(
      "FORBIDDEN",
      "tag: a token limited by labels pulls one tag at a time, so each name can be checked; name the tag",
    );
  throw new AppError(
    "FORBIDDEN",
    "fromSrc: an image import is done on Wharf's Images page for a token limited by labels",
  );
}

/**
 * Passes a pull's progress on unchanged and, once the engine has finished without an error line,
 * records the pulled image as the principal's before the client sees the end of the stream: a
 * `docker images` right after the pull lists it. The engine reports a failed pull inside a 200
 * stream, as a line with `"error"`.
 */
export function recordingPull(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  name: string,
): Transform {
  let failed = false;
  let tail = "";
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      const text = tail + chunk.toString("utf8");
      if (/"error(Detail)?"\s*:/.test(text)) failed = true;
      tail = text.slice(-16);
      next(null, chunk);
    },
    flush(done) {
      if (failed) return done();
      inspectEngineImage(host, name)
        .then((img) => owners.record(host.spec.id, img.Id, p, "pull"))
        .catch((err: unknown) =>
          console.error(
            `[docker-api] ${host.spec.id}: pulled ${name} but could not record it: ${String(err)}`,
          ),
        )
        .finally(() => done());
    },
  });
}
