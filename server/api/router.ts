import type { IncomingMessage, ServerResponse } from "node:http";
import type { Permission } from "../../lib/permissions";
import type { Principal } from "../auth/principal";
import type { Session } from "../auth/sessions";
import { HOST_SCOPES, ROUTE_SCOPES, type Resolved, type RouteScope } from "../scope/declared";
import type { StackTarget } from "../stacks/stack-scope";
import type { SeriesInfo } from "../metrics/history-store";
import { isOneOf } from "../../lib/parse";

export const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * "public": anyone; "self": any signed-in user or token (their own account);
 * otherwise the permission the principal's role must grant.
 */
export type Access = "public" | "self" | Permission;

/** What the audit entry of a state-changing request says; handlers may refine it. */
export interface AuditInfo {
  action: string;
  hostId?: string;
  target?: string;
  params?: unknown;
  /** The user to record when there is no principal yet (login). */
  user?: string;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Set on every route but public ones. */
  principal?: Principal;
  session?: Session;
  body: () => Promise<unknown>;
  audit: AuditInfo;
  /** The host and target the route's declared scope resolved to, before the handler ran. */
  scoped: Resolved & { stack?: StackTarget; series?: SeriesInfo };
}

/** A handler returns the JSON body (status 200), or takes over `res` itself and returns undefined. */
export type Handler = (ctx: RequestContext) => unknown;

export interface RouteDef {
  method: HttpMethod;
  path: string;
  access: Access;
  /** What the route touches; the dispatcher resolves it in the caller's scope (see server/scope/declared). */
  scope: RouteScope;
  summary: string;
  handler: Handler;
  /** 201/204 etc. when not 200. */
  status?: number;
  /** Audit action for a state-changing route, e.g. "container.remove"; `false` for none (logout is audited as such). */
  audit?: string | false;
}

interface CompiledRoute extends RouteDef {
  segments: string[];
}

export type RouteMatch =
  | { kind: "found"; route: RouteDef; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: HttpMethod[] }
  | { kind: "not-found" };

/** A tiny table router: the table doubles as the registry that the OpenAPI document and route tests read. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(def: RouteDef): this {
    // Every state change is audited: a mutating route without an audit action is a programming error.
    if (def.method !== "GET" && def.audit === undefined) {
      throw new Error(`route ${def.method} ${def.path} changes state but names no audit action`);
    }
    checkScope(def);
    this.routes.push({ ...def, segments: def.path.split("/").filter(Boolean) });
    return this;
  }

  all(): readonly RouteDef[] {
    return this.routes;
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split("/").filter(Boolean);
    const allowed: HttpMethod[] = [];
    let best: { route: CompiledRoute; params: Record<string, string>; rank: string } | undefined;
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.method !== method) {
        allowed.push(r.method);
        continue;
      }
      // A literal segment beats a parameter at the same place (…/:id/recreate over …/:id/:action),
      // whatever the order the routes were added in.
      const rank = r.segments.map((s) => (s.startsWith(":") ? "0" : "1")).join("");
      if (!best || rank > best.rank) best = { route: r, params, rank };
    }
    if (best) return { kind: "found", route: best.route, params: best.params };
    return allowed.length ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  }
}

/** A route that declares no scope, or one that does not fit its path, does not register. */
function checkScope(def: RouteDef): void {
  const where = `route ${def.method} ${def.path}`;
  if (!isOneOf(ROUTE_SCOPES, def.scope))
    throw new Error(`${where} declares no scope of ${ROUTE_SCOPES.join(", ")}`);
  const namesHost = def.path.includes("/:hostId");
  if (HOST_SCOPES.has(def.scope) && !namesHost)
    throw new Error(`${where} declares scope ${def.scope} but its path names no :hostId`);
  if (namesHost && !HOST_SCOPES.has(def.scope) && def.scope !== "global")
    throw new Error(`${where} names a :hostId but declares scope ${def.scope}, which checks no host`);
  if ((def.access === "public") !== (def.scope === "public"))
    throw new Error(`${where}: access "public" and scope "public" go together`);
  if (def.scope === "self" && def.access !== "self")
    throw new Error(`${where}: scope "self" is for routes with access "self"`);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, p] of pattern.entries()) {
    const v = parts[i] ?? "";
    if (p.startsWith(":")) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return undefined;
      }
    } else if (p !== v) return undefined;
  }
  return params;
}
