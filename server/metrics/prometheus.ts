import { Counter, Gauge, Registry } from "prom-client";
import { scopeAllowsHost } from "../../lib/permissions";
import { healthOfStatus } from "../../lib/status-health";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { inScope, isLabelScoped } from "../scope/targets";
import { own } from "../telemetry/instruments";
import type { MetricsCollector } from "./collector";
import type { RestartCounter } from "./restarts";

export interface MetricsSources {
  collector: MetricsCollector;
  restarts: RestartCounter;
  streams: () => { statsUpstream: number; statsLocal: number; sockets: number };
}

const CONTAINER_LABELS = ["host", "container", "project", "service"] as const;
const PROJECT = "com.docker.compose.project";
const SERVICE = "com.docker.compose.service";

/**
 * Everything in the caller's scope, as Prometheus text: Wharf's own metrics, each host's state,
 * disk and totals, and each container's latest figures. A label-scoped principal gets its containers
 * and no host totals (they sum every team's containers); the disk is the host's, as on the overview.
 */
export async function renderMetrics(ctx: AppContext, p: Principal, src: MetricsSources): Promise<string> {
  const reg = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [reg] });
  const hostUp = gauge("wharf_host_up", "1 when Wharf reaches the host's engine", ["host"]);
  const hostContainers = gauge("wharf_host_containers", "Containers in scope on the host, by state", [
    "host",
    "state",
  ]);
  const hostCpu = gauge("wharf_host_cpu_percent", "The host's containers' CPU, summed (100 = one CPU)", [
    "host",
  ]);
  const hostMem = gauge("wharf_host_memory_bytes", "The host's containers' memory, summed", ["host"]);
  const disk = {
    size: gauge("wharf_host_disk_size_bytes", "Size of the filesystem holding the engine's data root", [
      "host",
    ]),
    used: gauge("wharf_host_disk_used_bytes", "Used on the filesystem holding the engine's data root", [
      "host",
    ]),
    free: gauge(
      "wharf_host_disk_free_bytes",
      "Free to unprivileged writers on the filesystem holding the engine's data root",
      ["host"],
    ),
  };
  const cpu = gauge("wharf_container_cpu_percent", "CPU (100 = one CPU)", CONTAINER_LABELS);
  const mem = gauge("wharf_container_memory_bytes", "Memory without the page cache", CONTAINER_LABELS);
  const limit = gauge(
    "wharf_container_memory_limit_bytes",
    "The memory limit (the machine's memory when none)",
    CONTAINER_LABELS,
  );
  const pids = gauge("wharf_container_pids", "Processes and threads", CONTAINER_LABELS);
  const running = gauge("wharf_container_running", "1 while the container runs", CONTAINER_LABELS);
  const healthy = gauge(
    "wharf_container_healthy",
    "1 healthy, 0 unhealthy; only containers with a health check that has answered",
    CONTAINER_LABELS,
  );
  // A counter, as Prometheus expects of a count that only grows: it starts again from 0 when Wharf
  // does, and rate() and increase() read across that reset as across any process restart.
  const restarts = new Counter({
    name: "wharf_container_restarts_total",
    help: "Restarts seen since Wharf started watching (a start after a death); resets when Wharf restarts",
    labelNames: CONTAINER_LABELS,
    registers: [reg],
  });
  const streams = gauge("wharf_streams_open", "Open streams, by kind", ["kind"]);
  const round = gauge(
    "wharf_collector_round_seconds",
    "How long the last background collection round took",
    [],
  );

  const wholeHosts = !isLabelScoped(p);
  for (const id of ctx.hosts.ids()) {
    if (!scopeAllowsHost(p.scope, id)) continue;
    const host = ctx.hosts.find(id);
    if (!host) continue;
    hostUp.set({ host: id }, host.isUp ? 1 : 0);
    // A figure of the host itself, as on the overview; a scrape asks for a new one when it is due, and
    // a host that is down has none.
    const d = host.isUp ? ctx.disk.latest(host)?.disk : undefined;
    if (d?.state === "known")
      for (const k of ["size", "used", "free"] as const) disk[k].set({ host: id }, d[k]);
    const live = host.live.containers;
    if (!live.ready) continue;
    const states = new Map<string, number>();
    for (const c of live.list()) {
      if (!inScope(p, c)) continue;
      states.set(c.state, (states.get(c.state) ?? 0) + 1);
      const labels = {
        host: id,
        container: c.name,
        project: c.labels[PROJECT] ?? "",
        service: c.labels[SERVICE] ?? "",
      };
      running.set(labels, c.state === "running" ? 1 : 0);
      restarts.inc(labels, src.restarts.restarts(id, c.id));
      const health = healthOfStatus(c.status);
      if (health === "healthy" || health === "unhealthy") healthy.set(labels, health === "healthy" ? 1 : 0);
      const l = src.collector.latest.get(`${id}/container/${c.id}`);
      if (!l) continue;
      cpu.set(labels, l.values.cpu / 100);
      mem.set(labels, l.values.mem);
      limit.set(labels, l.limit);
      pids.set(labels, l.values.pids);
    }
    for (const [state, n] of states) hostContainers.set({ host: id, state }, n);
    const total = wholeHosts ? src.collector.latest.get(`${id}/host/`) : undefined;
    if (total) {
      hostCpu.set({ host: id }, total.values.cpu / 100);
      hostMem.set({ host: id }, total.values.mem);
    }
  }
  const s = src.streams();
  streams.set({ kind: "stats_engine" }, s.statsUpstream);
  streams.set({ kind: "stats_local" }, s.statsLocal);
  streams.set({ kind: "sockets" }, s.sockets);
  round.set(src.collector.counters.lastTickMs / 1000);
  return Registry.merge([own, reg]).metrics();
}

/** The text format's content type, as prom-client writes it. */
export const METRICS_CONTENT_TYPE = own.contentType;
