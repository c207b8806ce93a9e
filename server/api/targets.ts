import { AppError } from "../../lib/errors";
import { parseWith } from "../../lib/parse";
import { hostFilterQuerySchema } from "../../lib/schemas";
import type { Principal } from "../auth/principal";
import type { RequestContext } from "./router";

/** Handlers read what the dispatcher resolved; asking for what the route did not declare is a bug. */

export function principalOf(rc: RequestContext): Principal {
  if (!rc.principal) throw new AppError("UNAUTHENTICATED", "sign in first");
  return rc.principal;
}

type Scoped = RequestContext["scoped"];

function declared<K extends keyof Scoped>(rc: RequestContext, key: K): NonNullable<Scoped[K]> {
  const v = rc.scoped[key];
  if (v === undefined) throw new Error(`the route declares no scope that resolves its ${key}`);
  return v;
}

/** The `host` filter of a cross-host list (`?host=a,b` or `?host=a&host=b`), each id checked. */
export const hostFilterOf = (rc: RequestContext) =>
  parseWith(hostFilterQuerySchema, { host: rc.query.getAll("host") }, "query.").host;

export const hostOf = (rc: RequestContext) => declared(rc, "host");
export const containerOf = (rc: RequestContext) => declared(rc, "container");
export const volumeOf = (rc: RequestContext) => declared(rc, "volume");
export const networkOf = (rc: RequestContext) => declared(rc, "network");
export const imageOf = (rc: RequestContext) => declared(rc, "image");
export const stackOf = (rc: RequestContext) => declared(rc, "stack");
export const seriesOf = (rc: RequestContext) => declared(rc, "series");
