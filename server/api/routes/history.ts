import { historyQuerySchema, type HistoryAnswer } from "../../../lib/metrics";
import { scopeAllowsLabels } from "../../../lib/permissions";
import { serviceNameSchema } from "../../../lib/stacks/schemas";
import type { AppContext } from "../../context";
import type { SeriesInfo } from "../../metrics/history-store";
import { parseWith, queryObject } from "../http";
import type { Principal } from "../../auth/principal";
import type { RequestContext, Router } from "../router";
import { hostOf, principalOf, seriesOf, stackOf } from "../targets";

const HOUR = 3600_000;

function range(rc: RequestContext) {
  const q = parseWith(historyQuerySchema, queryObject(rc.query), "query.");
  const now = Date.now();
  const to = q.to ?? now;
  return { ...q, to, from: q.from ?? to - HOUR, now };
}

const described = (s: SeriesInfo) => ({
  containerId: s.containerId,
  name: s.name,
  ...(s.project ? { project: s.project } : {}),
  ...(s.service ? { service: s.service } : {}),
});

/** A service's series on a host: its containers, past and present, that the caller may see. */
const serviceSeries = (ctx: AppContext, p: Principal, hostId: string, project: string, service: string) =>
  ctx.history.serviceSeries(hostId, project, service).filter((s) => scopeAllowsLabels(p.scope, s.labels));

/** Stored stats: a container's (or its service's, across recreates) and a host's totals. */
export function registerHistoryRoutes(router: Router, ctx: AppContext): void {
  // An empty history says when its first points will come, or that nothing is collecting them.
  const sampling = () => Math.max(0, ctx.collector.intervalMs);
  const answer = (series: readonly SeriesInfo[], q: ReturnType<typeof range>): HistoryAnswer => {
    const { points, stepMs } = ctx.history.query(
      series.map((s) => s.id),
      q.metric,
      q.from,
      q.to,
      q.now,
    );
    return { points, stepMs, metric: q.metric, series: series.map(described), sampleMs: sampling() };
  };
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/history",
    access: "read",
    scope: "history",
    summary:
      "Stored samples of one metric: {points:[{t, min, max, avg, last}], stepMs}; by=service joins the service's containers across recreates",
    handler: (rc): HistoryAnswer => {
      const q = range(rc);
      const own = seriesOf(rc);
      const series =
        q.by === "service" && own.service
          ? serviceSeries(ctx, principalOf(rc), own.hostId, own.project, own.service)
          : [own];
      return answer(series, q);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/stacks/:name/services/:service/history",
    access: "read",
    scope: "stack",
    summary:
      "Stored samples of one metric of a compose service, its containers summed and joined across recreates; also while it has no container",
    handler: (rc): HistoryAnswer => {
      const q = range(rc);
      const service = parseWith(serviceNameSchema, rc.params.service, "service: ");
      return answer(serviceSeries(ctx, principalOf(rc), hostOf(rc).spec.id, stackOf(rc).name, service), q);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/history",
    access: "read",
    // The totals of every container on the host, whoever's they are.
    scope: "whole-host",
    summary: "Stored samples of one metric of the host's totals (all its containers summed)",
    handler: (rc): HistoryAnswer => {
      const q = range(rc);
      const s = ctx.history.hostSeries(hostOf(rc).spec.id);
      const { points, stepMs } = s
        ? ctx.history.query([s.id], q.metric, q.from, q.to, q.now)
        : { points: [], stepMs: 10_000 };
      return { points, stepMs, metric: q.metric, series: [], sampleMs: sampling() };
    },
  });
}
