import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../../lib/errors";
import type { AppContext } from "../../context";
import { exportEngineImage, inspectEngineImage, loadEngineImages } from "../../engines/images";
import type { HostConnection } from "../../engines/host-connection";
import type { Principal } from "../../auth/principal";
import { classifyEngineError } from "../../engines/engine-error";
import { ifFound } from "../../errors";
import { emptyProgress, finishProgress, ProgressParser, reduceProgress } from "../../images/progress";
import type { Router } from "../router";
import { giveBackTakenNames, namesOnHost } from "../../scope/image-access";
import { isLabelScoped } from "../../scope/targets";
import { hostOf, imageOf, principalOf } from "../targets";

const fileName = (tags: string[] | undefined, id: string) =>
  ((tags?.[0] ?? id.replace(/^sha256:/, "").slice(0, 12)).replace(/[^A-Za-z0-9_.-]+/g, "_") || "image") +
  ".tar";

/** What a load brought in is the loader's team's own. */
async function recordLoaded(ctx: AppContext, host: HostConnection, p: Principal, loaded: string[]) {
  for (const name of loaded) {
    const inspect = await ifFound(inspectEngineImage(host, name));
    if (inspect) ctx.imageOwners.record(host.spec.id, inspect.Id, p, "load");
  }
}

export function registerImageIoRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/:id/export",
    access: "read",
    scope: "image:change",
    summary: "Download the image as a tar (docker save), streamed with backpressure",
    handler: async (rc) => {
      const host = hostOf(rc);
      // Resolved first so an unknown image is a 404 and not a broken download.
      const { ref, inspect } = imageOf(rc);
      const abort = new AbortController();
      // By the name asked for, so the tar carries that tag (an id exports the image untagged, as the CLI does).
      const source = await exportEngineImage(host, ref, abort.signal);
      rc.res.statusCode = 200;
      rc.res.setHeader("content-type", "application/x-tar");
      rc.res.setHeader(
        "content-disposition",
        `attachment; filename="${fileName(inspect.RepoTags, inspect.Id)}"`,
      );
      rc.res.setHeader("cache-control", "no-store");
      // A reader that goes away ends the engine's export too.
      rc.res.once("close", () => {
        if (!rc.res.writableFinished) abort.abort();
      });
      try {
        await pipeline(source, rc.res);
      } catch (err) {
        if (!rc.res.headersSent) throw classifyEngineError(err, host.spec.id);
        rc.res.destroy();
      }
      return undefined;
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/load",
    access: "operate",
    scope: "host",
    audit: "image.load",
    summary: "Load images from a tar (docker save format) sent as the body; answers the loaded names",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const before = isLabelScoped(p) ? await namesOnHost(host) : new Map<string, string>();
      let bytes = 0;
      // Counted on the way through: a listener on the request itself would drain it before the engine reads.
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      rc.req.on("error", (e) => counted.destroy(e));
      const out = await loadEngineImages(host, rc.req.pipe(counted));
      const parser = new ProgressParser();
      let progress = emptyProgress();
      out.setEncoding("utf8");
      for await (const chunk of out as AsyncIterable<string>)
        for (const m of parser.push(chunk)) progress = reduceProgress(progress, m);
      for (const m of parser.end()) progress = reduceProgress(progress, m);
      progress = finishProgress(progress);
      rc.audit.params = { bytes, loaded: progress.loaded };
      if (progress.error)
        throw new AppError("VALIDATION", `body: the engine could not load it: ${progress.error}`);
      await recordLoaded(ctx, host, p, progress.loaded);
      await giveBackTakenNames(ctx.imageOwners, host, p, before);
      return { items: progress.loaded };
    },
  });
}
