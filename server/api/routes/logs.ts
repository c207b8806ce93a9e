import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { AppContext } from "../../context";
import { DemuxTransform, openLogStream } from "../../engines/log-demux";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { inspectContainer } from "../../engines/containers";
import { containerOf, hostOf } from "../targets";

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/i;

/**
 * Unix seconds (fractions allowed) or an RFC 3339 date, as the engine's "seconds.nanoseconds": the
 * nanoseconds survive, so a timestamp copied from a log line selects exactly that line, as with the CLI.
 */
const timeParam = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (/^\d{1,12}(\.\d{1,9})?$/.test(v)) return v;
    const m = RFC3339.exec(v);
    const secs = m ? Date.parse(`${m[1]}${m[3]}`) / 1000 : NaN;
    if (!m || Number.isNaN(secs)) {
      ctx.addIssue({ code: "custom", message: "expected unix seconds or an RFC 3339 date" });
      return z.NEVER;
    }
    return `${secs}.${(m[2] ?? "").padEnd(9, "0")}`;
  });

const logsDownloadQuerySchema = z.object({
  tail: z.union([z.literal("all"), z.coerce.number().int().min(0).max(1_000_000_000)]).optional(),
  since: timeParam.optional(),
  until: timeParam.optional(),
  timestamps: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  stream: z.enum(["stdout", "stderr"]).optional(),
});

/** A file name the browser can save: the container's name, without anything a header could choke on. */
const fileName = (name: string) => `${name.replace(/[^A-Za-z0-9_.-]+/g, "_") || "container"}.log`;

export function registerLogRoutes(router: Router, _ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/logs",
    access: "operate",
    scope: "container",
    summary:
      "The container's logs as text/plain, streamed from the engine as they are read: tail (default all), since and until (unix seconds or RFC 3339), timestamps, stream (stdout or stderr; default both)",
    handler: async (rc) => {
      const q = parseWith(logsDownloadQuerySchema, queryObject(rc.query), "query.");
      const host = hostOf(rc);
      const { inspect } = await inspectContainer(host, containerOf(rc));
      const id = inspect.Id ?? containerOf(rc);
      const config = inspect.Config ?? {};
      const gone = new AbortController();
      rc.res.once("close", () => gone.abort());
      const upstream = await openLogStream(
        host,
        id,
        {
          follow: false,
          stdout: q.stream !== "stderr",
          stderr: q.stream !== "stdout",
          timestamps: q.timestamps,
          tail: q.tail ?? "all",
          since: q.since,
          until: q.until,
        },
        gone.signal,
      );
      rc.res.writeHead(200, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "content-disposition": `attachment; filename="${fileName(String(inspect.Name ?? "").replace(/^\//, ""))}"`,
      });
      try {
        // Backpressure end to end: the engine is read only as fast as the client takes the bytes.
        await pipeline(upstream, new DemuxTransform(!!config.Tty, q.stream), rc.res);
      } catch {
        // The client went away or the engine failed mid-stream: the response is cut short (no final
        // chunk), which is how an HTTP client learns that a streamed body is incomplete.
        rc.res.destroy();
      }
      return undefined;
    },
  });
}
