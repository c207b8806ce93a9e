import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../lib/errors";
import { assertCsrf, resolveSession } from "../auth/request-auth";
import type { AppContext } from "../context";
import { readJsonBody, sendError, sendJson } from "./http";
import type { Router } from "./router";

export function createApiHandler(router: Router, ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    try {
      const m = router.match(req.method ?? "GET", url.pathname);
      if (m.kind === "not-found") throw new AppError("NOT_FOUND", `no route ${req.method} ${url.pathname}`);
      // Authentication comes before anything else reveals which routes exist.
      const session = resolveSession(req, ctx.sessions);
      if (m.kind === "method-not-allowed") {
        if (!session) throw new AppError("UNAUTHENTICATED", "sign in first");
        res.setHeader("allow", m.allowed.join(", "));
        throw new AppError(
          "VALIDATION",
          `method ${req.method} is not allowed here; use ${m.allowed.join(", ")}`,
        );
      }
      const { route, params } = m;
      if (route.access !== "public") {
        if (!session) throw new AppError("UNAUTHENTICATED", "sign in first");
        assertCsrf(req);
      }
      let bodyPromise: Promise<unknown> | undefined;
      const result = await route.handler({
        req,
        res,
        params,
        query: url.searchParams,
        session,
        user: session?.user,
        body: () => (bodyPromise ??= readJsonBody(req)),
      });
      if (res.writableEnded || res.headersSent) return;
      if (result === undefined) {
        res.statusCode = route.status ?? 204;
        res.end();
        return;
      }
      sendJson(res, route.status ?? 200, result);
    } catch (err) {
      if (res.headersSent) {
        res.destroy(err instanceof Error ? err : undefined);
        return;
      }
      if (err instanceof AppError) return sendError(res, err);
      console.error(`[api] ${req.method} ${url.pathname} failed:`, err);
      sendError(res, new AppError("INTERNAL", "internal error; see the server log"));
    }
  };
}
