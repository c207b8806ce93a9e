import type { IncomingMessage, ServerResponse } from "node:http";
import type { SessionUser } from "../../lib/types";
import type { Session } from "../auth/sessions";

export const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** "public": no session; "session": any signed-in user. Roles arrive with the users and roles work. */
export type Access = "public" | "session";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  session?: Session;
  user?: SessionUser;
  body: () => Promise<unknown>;
}

/** A handler returns the JSON body (status 200), or takes over `res` itself and returns undefined. */
export type Handler = (ctx: RequestContext) => Promise<unknown>;

export interface RouteDef {
  method: HttpMethod;
  path: string;
  access: Access;
  summary: string;
  handler: Handler;
  /** 201/204 etc. when not 200. */
  status?: number;
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
    this.routes.push({ ...def, segments: def.path.split("/").filter(Boolean) });
    return this;
  }

  all(): readonly RouteDef[] {
    return this.routes;
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split("/").filter(Boolean);
    const allowed: HttpMethod[] = [];
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.method === method) return { kind: "found", route: r, params };
      allowed.push(r.method);
    }
    return allowed.length ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
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
