import { Readable } from "node:stream";
import type { HostConnection } from "../../engines/host-connection";
import { createJsonLineParser } from "../../engines/json-lines";
import { engineSample, type EngineStats, type StatsCounters } from "../../engines/stats-math";

export interface SourceHandlers {
  sample(s: StatsCounters): void;
  /** The source stopped on its own (engine dropped, container gone); not called after close(). */
  ended(reason: string): void;
}

export interface StatsSource {
  close(): void;
}

/** One upstream `GET /containers/{id}/stats?stream=1`: the engine pushes a document about once a second. */
export function openEngineStream(
  host: HostConnection,
  ref: { hostId: string; containerId: string },
  h: SourceHandlers,
): StatsSource {
  let closed = false;
  let stream: Readable | undefined;
  const end = (reason: string) => {
    if (closed) return;
    closed = true;
    stream?.destroy();
    h.ended(reason);
  };
  const parse = createJsonLineParser((obj) => {
    if (closed) return;
    const s = engineSample(obj as EngineStats, ref);
    if (s) h.sample(s);
  });
  host.docker.getContainer(ref.containerId).stats({ stream: true }, (err, data: unknown) => {
    // With stream: true the engine's reply is the open response, whatever dockerode's types say.
    const s = data instanceof Readable ? data : undefined;
    if (closed) {
      s?.destroy();
      return;
    }
    if (err || !s) {
      end(err instanceof Error ? err.message : "no stream");
      return;
    }
    stream = s;
    s.on("data", parse);
    s.on("end", () => end("the engine ended the stream"));
    s.on("close", () => end("the engine closed the stream"));
    s.on("error", (e: Error) => end(e.message));
  });
  return {
    close: () => {
      closed = true;
      stream?.destroy();
    },
  };
}
