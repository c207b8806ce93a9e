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

/** `repo` with its tag as the engine names it: `tag` when given, else one inside `repo`, else latest. */
export function taggedName(repo: string, tag?: string | null): string {
  if (tag) return `${repo}${tag.includes(":") ? "@" : ":"}${tag}`;
  return /[:@][^/]*$/.test(repo) ? repo : `${repo}:latest`;
}

/** What a label-scoped call brings in: a pulled image (found by its name), a build's or a commit's. */
export type ImageRecord =
  { how: "pull"; name: string } | { how: "build"; names: string[] } | { how: "commit" };

/**
 * The image id a build's stream (`{"aux":{"ID":…}}`, or a quiet build's `{"stream":"sha256:…"}`) or a
 * commit's answer (`{"Id":…}`) names.
 */
const MADE_ID = /"(?:I[Dd]|stream)"\s*:\s*"(sha256:[0-9a-f]{64})/g;

/**
 * Passes the engine's answer on unchanged and, once it has ended without an error line, records the
 * image it brought in as the principal's team's, before the client sees the end: a `docker images`
 * right after lists it. The engine reports a failed pull or build inside a 200 stream, as a line with
 * `"error"`.
 */
export function recordingImage(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  what: ImageRecord,
): Transform {
  let failed = false;
  let tail = "";
  let made: string | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      const text = tail + chunk.toString("utf8");
      if (/"error(Detail)?"\s*:/.test(text)) failed = true;
      for (const m of text.matchAll(MADE_ID)) made = m[1];
      tail = text.slice(-100);
      next(null, chunk);
    },
    flush(done) {
      if (failed) return done();
      // A build that printed no id is found by the first name it took.
      const byName =
        what.how === "pull" ? what.name : what.how === "build" && !made ? what.names[0] : undefined;
      const id = byName
        ? inspectEngineImage(host, byName).then((img) => img.Id)
        : Promise.resolve(made ?? "");
      id.then((imageId) => owners.record(host.spec.id, imageId, p, what.how))
        .catch((err: unknown) =>
          console.error(
            `[docker-api] ${host.spec.id}: an image came in (${what.how}) but could not be recorded: ${String(err)}`,
          ),
        )
        .finally(() => done());
    },
  });
}
