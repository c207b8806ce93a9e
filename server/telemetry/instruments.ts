import { performance } from "node:perf_hooks";
import { Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { EngineEventItem } from "../../lib/system";
import type { HostRegistry } from "../engines/host-registry";

/** Wharf's own metrics, for the life of the process: its runtime, HTTP and socket latencies, event lag. */
export const own = new Registry();
collectDefaultMetrics({ register: own, prefix: "wharf_" });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpDuration = new Histogram({
  name: "wharf_http_request_duration_seconds",
  help: "REST API requests, by method, route template and status code",
  labelNames: ["method", "route", "status"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [own],
});

const socketDuration = new Histogram({
  name: "wharf_socket_command_duration_seconds",
  help: "socket.io commands, by command and outcome",
  labelNames: ["command", "ok"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [own],
});

const eventLag = new Histogram({
  name: "wharf_engine_event_lag_seconds",
  help: "Time from an engine event to Wharf receiving it, by host",
  labelNames: ["host"] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [own],
});

/** Route templates, never concrete paths: the label's values are bounded by the route table. */
export function observeHttp(method: string, route: string, status: number, startedMs: number): void {
  httpDuration.observe({ method, route, status: String(status) }, (performance.now() - startedMs) / 1000);
}

export function observeSocketCommand(command: string, ok: boolean, startedMs: number): void {
  socketDuration.observe({ command, ok: String(ok) }, (performance.now() - startedMs) / 1000);
}

/** Events replayed after a reconnect are old by design; only live ones say how late delivery is. */
const MAX_LIVE_LAG_MS = 60_000;

export function watchEventLag(hosts: HostRegistry): () => void {
  const on = (e: EngineEventItem) => {
    const lag = Date.now() - e.time;
    if (e.time > 0 && lag >= 0 && lag < MAX_LIVE_LAG_MS) eventLag.observe({ host: e.hostId }, lag / 1000);
  };
  hosts.on("engine", on);
  return () => hosts.off("engine", on);
}
