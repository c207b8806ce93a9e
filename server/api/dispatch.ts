import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../lib/errors";
import { PERMISSIONS, type Permission } from "../../lib/permissions";
import { authenticate } from "../auth/authenticate";
import { requirePermission } from "../auth/principal";
import { assertCsrf } from "../auth/request-auth";
import type { AppContext } from "../context";
import { resolveScope } from "../scope/declared";
import { observeHttp } from "../telemetry/instruments";
import { seriesInScope } from "../metrics/series-scope";
import { performance } from "node:perf_hooks";
import { stackInScope } from "../stacks/stack-scope";
import { clientIp, queryObject, readJsonBody, sendError, sendJson } from "./http";
import type { AuditInfo, RequestContext, RouteDef, Router } from "./router";
import { toAppError } from "../errors";
import { isOneOf } from "../../lib/parse";
import { fieldIn } from "../../lib/parse";

const isPermission = (a: string): a is Permission => isOneOf(PERMISSIONS, a);

export function createApiHandler(router: Router, ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    let rc: RequestContext | undefined;
    let pendingBody: () => Promise<unknown> | undefined = () => undefined;
    let route: RouteDef | undefined;
    // Read now: a request refused mid-body (too large) may have lost its socket by the time it is audited.
    const ip = clientIp(req);
    const started = performance.now();
    res.once("finish", () =>
      observeHttp(req.method ?? "GET", route?.path ?? "(no route)", res.statusCode, started),
    );
    try {
      const m = router.match(req.method ?? "GET", url.pathname);
      // Authentication comes before anything else reveals which routes exist.
      const auth = authenticate(req, ctx);
      if (m.kind === "not-found") {
        if (!auth) throw new AppError("UNAUTHENTICATED", "sign in first");
        throw new AppError("NOT_FOUND", `no route ${req.method} ${url.pathname}`);
      }
      if (m.kind === "method-not-allowed") {
        if (!auth) throw new AppError("UNAUTHENTICATED", "sign in first");
        res.setHeader("allow", m.allowed.join(", "));
        throw new AppError(
          "VALIDATION",
          `method ${req.method} is not allowed here; use ${m.allowed.join(", ")}`,
        );
      }
      route = m.route;
      const { params } = m;
      let bodyPromise: Promise<unknown> | undefined;
      pendingBody = () => bodyPromise;
      rc = {
        req,
        res,
        params,
        query: url.searchParams,
        principal: auth?.principal,
        session: auth?.session,
        body: () => (bodyPromise ??= readJsonBody(req)),
        scoped: {},
        audit: {
          // ":name" in an audit action is filled from the path, so even a refused call names what it tried.
          action: (route.audit || `${route.method} ${route.path}`).replace(
            /:(\w+)/g,
            (m, k: string) => params[k] ?? m,
          ),
          ...(params.hostId ? { hostId: params.hostId } : {}),
          ...((params.id ?? params.name) ? { target: params.id ?? params.name } : {}),
        },
      };
      if (route.access !== "public") {
        if (!auth) throw new AppError("UNAUTHENTICATED", "sign in first");
        if (auth.viaCookie) assertCsrf(req);
        if (isPermission(route.access)) requirePermission(auth.principal, route.access);
        // The declared scope is resolved here, once, so no handler reaches a target out of scope.
        rc.scoped = await resolveScope(ctx, auth.principal, route.scope, params, route.method !== "GET");
        if (route.scope === "stack" && rc.scoped.host)
          rc.scoped.stack = await stackInScope(ctx.stacks, rc.scoped.host, auth.principal, params.name);
        if (route.scope === "history" && rc.scoped.host)
          rc.scoped.series = seriesInScope(ctx.history, rc.scoped.host.spec.id, auth.principal, params.id);
      }
      const result = await route.handler(rc);
      if (bodyPromise && rc.audit.params === undefined)
        rc.audit.params = await bodyPromise.catch(() => undefined);
      record(ctx, ip, route, rc, url);
      if (res.writableEnded || res.headersSent) return;
      if (result === undefined) {
        res.statusCode = route.status ?? 204;
        res.end();
        return;
      }
      sendJson(res, route.status ?? 200, result);
    } catch (err) {
      const appErr = toAppError(err, {
        ...(rc?.params.hostId ? { hostId: rc.params.hostId } : {}),
        log: `[api] ${req.method} ${url.pathname}`,
      });
      // Anonymous calls to protected routes are not audited (noise); failed sign-ins are.
      if (route && rc && (appErr.code !== "UNAUTHENTICATED" || route.access === "public")) {
        try {
          // What was asked matters most when it failed; the body is redacted like any other.
          if (rc.audit.params === undefined) rc.audit.params = await pendingBody()?.catch(() => undefined);
          record(ctx, ip, route, rc, url, appErr);
        } catch (auditErr) {
          console.error("[audit] could not record a failed request:", auditErr);
        }
      }
      if (res.headersSent) {
        res.destroy(err instanceof Error ? err : undefined);
        return;
      }
      sendError(res, appErr, appErr.code === "RATE_LIMITED" ? retryAfterHeader(appErr) : {});
    }
  };
}

function retryAfterHeader(err: AppError): Record<string, string> {
  const s = fieldIn(err.details, "retryAfterSeconds");
  return typeof s === "number" && s > 0 ? { "retry-after": String(s) } : {};
}

/** Written synchronously before the reply: if the process dies after replying, the entry is on disk. */
function record(
  ctx: AppContext,
  ip: string,
  route: RouteDef,
  rc: RequestContext,
  url: URL,
  err?: AppError,
): void {
  if (route.method === "GET" || route.audit === false) return;
  const a: AuditInfo = rc.audit;
  const query = queryObject(url.searchParams);
  const params = Object.keys(query).length
    ? { ...(isObject(a.params) ? a.params : { body: a.params }), query }
    : a.params;
  ctx.audit.record({
    user: rc.principal?.name ?? a.user ?? "anonymous",
    ip,
    ...(a.hostId ? { hostId: a.hostId } : {}),
    ...(a.target ? { target: a.target } : {}),
    action: a.action,
    ...(params !== undefined ? { params } : {}),
    result: err ? "error" : "ok",
    ...(err ? { error: `${err.code}: ${err.message}` } : {}),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);
