import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { AppError } from "../../lib/errors";
import { authenticate } from "../auth/authenticate";
import { requirePermission } from "../auth/principal";
import type { AppContext } from "../context";
import { toAppError } from "../errors";
import { METRICS_CONTENT_TYPE, renderMetrics, type MetricsSources } from "../metrics/prometheus";
import { observeHttp } from "../telemetry/instruments";
import { sendError } from "./http";

/** `GET /metrics`: Prometheus text for an API token with the read permission; a session cookie is refused. */
export function createMetricsHandler(ctx: AppContext, src: MetricsSources) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    try {
      if (req.method !== "GET" && req.method !== "HEAD")
        throw new AppError("VALIDATION", `method ${req.method} is not allowed here; use GET`);
      const auth = authenticate(req, ctx);
      if (!auth || auth.viaCookie)
        throw new AppError("UNAUTHENTICATED", "/metrics needs an API token: Authorization: Bearer wharf_…");
      requirePermission(auth.principal, "read");
      const text = await renderMetrics(ctx, auth.principal, src);
      res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
      observeHttp("GET", "/metrics", 200, started);
    } catch (err) {
      const e = toAppError(err, { log: "[metrics] GET /metrics" });
      sendError(res, e);
      observeHttp(req.method ?? "GET", "/metrics", e.status, started);
    }
  };
}
