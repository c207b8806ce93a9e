import type { EngineEventItem, EngineEventList, EventsQuery } from "../../lib/system";
import { READ_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { createJsonLineParser } from "./json-lines";
import { STREAM_EVENT_TYPES, toEngineEventItem } from "./system-events";
import { asError } from "../../lib/errors";

/** Events read from the engine for one query at most; the newest `limit` of them are kept. */
const MAX_SCANNED = 50_000;

/**
 * A host's events in a time range: from the host's own ring when it holds that whole range (the usual
 * case: "what happened lately"), otherwise asked of the engine, whose answer ends at `until`.
 */
export async function queryEvents(host: HostConnection, q: EventsQuery): Promise<EngineEventList> {
  const sinceMs = q.since === undefined ? undefined : Math.floor(q.since * 1000);
  const untilMs = q.until === undefined ? undefined : Math.floor(q.until * 1000);
  // While the stream is lost, the ring misses what happens until the replay: the engine answers.
  const from = host.eventsOpen ? host.recentEvents.coveredFrom : undefined;
  const coveredFrom = from === undefined ? {} : { coveredFrom: from / 1000 };
  if (from !== undefined && host.recentEvents.covers(sinceMs)) {
    return {
      ...host.recentEvents.query({ sinceMs, untilMs, limit: q.limit, types: q.type }),
      source: "recent",
      ...coveredFrom,
    };
  }
  const until = q.until ?? Date.now() / 1000;
  const kept: EngineEventItem[] = [];
  let matched = 0;
  await engineCall(
    host,
    (abortSignal) =>
      new Promise<void>((resolve, reject) => {
        const parse = createJsonLineParser((obj) => {
          const e = toEngineEventItem(host.spec.id, obj);
          if (!e) return;
          matched++;
          kept.push(e);
          if (kept.length > q.limit) kept.shift();
        });
        host.docker.getEvents(
          {
            since: String(q.since ?? 0),
            until: until.toFixed(3),
            filters: { type: q.type?.length ? q.type : [...STREAM_EVENT_TYPES] },
            abortSignal,
          } as never,
          (err, stream) => {
            if (err || !stream) return reject(err ? asError(err) : new Error("no event stream"));
            stream.on("data", (chunk: Buffer) => {
              parse(chunk);
              if (matched >= MAX_SCANNED) (stream as { destroy?: () => void }).destroy?.();
            });
            stream.on("end", () => resolve());
            stream.on("close", () => resolve());
            stream.on("error", reject);
          },
        );
      }),
    READ_TIMEOUT_MS,
  );
  return { items: kept, source: "engine", truncated: matched > q.limit, ...coveredFrom };
}
