"use client";
import { useEffect, useRef, useState } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { COMMAND_TIMEOUT_MS } from "@/components/hooks/useSocketCommand";
import { LogBuffer } from "@/components/logs/log-buffer";
import { sendCommand } from "@/lib/realtime/ack";
import type { LogsBatch, LogsSubscribe } from "@/lib/realtime/events";
import { logsRefOf, type LogTarget } from "@/components/logs/log-target";

export type { LogTarget };

export interface LogRange {
  /** Lines of history; all when unset. */
  tail?: number;
  /** Unix seconds. */
  since?: number;
  until?: number;
}

export interface LogSource extends LogTarget {
  state: "subscribing" | "live" | "stopped" | "ended" | "error";
  /** From the server's answer: the full id and the name. */
  id?: string;
  name?: string;
  error?: string;
}

const sameTarget = (s: LogSource, b: LogsBatch) =>
  s.hostId === b.hostId && (s.id ? s.id === b.containerId : b.containerId.startsWith(s.containerId));

/**
 * Follows the logs of one or more containers into a bounded buffer. Each batch is acknowledged once
 * it is in the buffer (the server's flow control); rendering is coalesced to one update per frame,
 * so a fast container costs a few appends per batch and never a render per line. After a reconnect
 * it asks again from the newest line it holds and drops what it already has.
 */
export function useLogStream(targets: LogTarget[], range: LogRange, merged: boolean) {
  const { socket, connected } = useRealtime();
  const [buffer] = useState(() => new LogBuffer());
  const [version, setVersion] = useState(0);
  const [sources, setSources] = useState<LogSource[]>([]);
  const identity = JSON.stringify([targets, range]);
  const last = useRef<{ identity: string; newest: Map<number, string> }>(undefined);

  useEffect(() => {
    if (!socket || !connected) return;
    // The identity string is the dependency; parsing it back keeps the effect on the values it names.
    const [list, rangeNow] = JSON.parse(identity) as [LogTarget[], LogRange];
    const resuming = last.current?.identity === identity;
    if (!resuming) {
      buffer.clear();
      last.current = { identity, newest: new Map() };
    }
    const newest = (last.current as { newest: Map<number, string> }).newest;
    const srcs: LogSource[] = list.map((t) => ({ ...t, state: "subscribing" }));
    let frame = 0;
    const render = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        setVersion(buffer.version);
        setSources([...srcs]);
      });
    };
    const onLines = (b: LogsBatch, ack: () => void) => {
      const i = srcs.findIndex((s) => sameTarget(s, b));
      // Batches of an earlier subscription, still in flight, come before the new one's answer.
      if (i < 0 || srcs[i]?.state === "subscribing") return ack();
      const seen = newest.get(i);
      const lines = seen ? b.lines.filter((l) => !l.ts || l.ts > seen) : b.lines;
      const top = lines.at(-1)?.ts;
      if (top) newest.set(i, top);
      buffer.append(i, { ...b, lines }, merged);
      ack();
      const s = srcs[i] as LogSource;
      if (b.notice) s.state = b.notice.kind === "resumed" ? "live" : b.notice.kind;
      render();
    };
    socket.on("logs:lines", onLines);
    if (resuming) buffer.note(-1, { kind: "reconnected" });

    srcs.forEach((s, i) => {
      const seen = newest.get(i);
      const since = seen ? Math.floor(Date.parse(`${seen.slice(0, 19)}Z`) / 1000) : rangeNow.since;
      const payload: LogsSubscribe = {
        ...logsRefOf(s),
        timestamps: true,
        ...(seen ? {} : rangeNow.tail !== undefined ? { tail: rangeNow.tail } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(rangeNow.until !== undefined ? { until: rangeNow.until } : {}),
      };
      void sendCommand(socket, "logs:subscribe", payload, COMMAND_TIMEOUT_MS).then(
        (r) => {
          if (r.ok) Object.assign(s, { state: "live", id: r.data.containerId, name: r.data.name });
          else Object.assign(s, { state: "error", error: r.error.message });
          render();
        },
        (e: unknown) => {
          Object.assign(s, { state: "error", error: e instanceof Error ? e.message : String(e) });
          render();
        },
      );
    });
    render();

    return () => {
      cancelAnimationFrame(frame);
      socket.off("logs:lines", onLines);
      // A socket that went away took its subscriptions with it; a buffered emit would go out after reconnecting.
      if (!socket.connected) return;
      for (const s of srcs) socket.emit("logs:unsubscribe", logsRefOf(s, s.id), () => {});
    };
  }, [socket, connected, identity, merged, buffer]);

  return { buffer, version, sources };
}
