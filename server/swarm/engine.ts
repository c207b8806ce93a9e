import { AppError } from "../../lib/errors";
import { dial, OK } from "../engines/engine-dial";
import { classifyEngineError, isEngineFailure } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";
import type {
  EngineInfoSwarm,
  EngineNode,
  EngineService,
  EngineServiceSpec,
  EngineSwarmObject,
  EngineTask,
} from "./engine-types";

/**
 * Thin calls to the engine's swarm API. Every failure comes back as dockerode reports it, so the
 * API layer classifies it with the engine's own message (a worker answers 503 "not a swarm manager").
 */

const ERRORS = {
  400: "bad parameter",
  404: "no such object",
  409: "conflict",
  500: "server error",
  503: "node is not part of a swarm",
} as const;
/**
 * A host whose engine is not a swarm manager answers the swarm API with 503: that is the host's
 * state, not the engine failing, so it is a conflict the caller can act on, in the engine's words.
 */
async function onManager<T>(host: HostConnection, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (isEngineFailure(err) && (err as { statusCode?: number }).statusCode === 503) {
      const engine = classifyEngineError(err, host.spec.id);
      throw new AppError("CONFLICT", `${host.spec.id} is not a swarm manager: ${engine.message}`, {
        hostId: host.spec.id,
      });
    }
    throw err;
  }
}
const get = <T>(host: HostConnection, path: string, options?: Record<string, unknown>) =>
  onManager(
    host,
    dial<T>(host, {
      path: `${path}?`,
      method: "GET",
      ...(options ? { options } : {}),
      statusCodes: { ...OK, ...ERRORS },
    }),
  );
const post = <T>(host: HostConnection, path: string, body: unknown, query: Record<string, unknown> = {}) =>
  onManager(
    host,
    dial<T>(host, {
      path: `${path}?`,
      method: "POST",
      options: { _query: query, _body: body },
      statusCodes: { ...OK, ...ERRORS },
    }),
  );
const del = (host: HostConnection, path: string, query: Record<string, unknown> = {}) =>
  onManager(
    host,
    dial<unknown>(host, {
      path: `${path}?`,
      method: "DELETE",
      options: query,
      statusCodes: { ...OK, ...ERRORS },
    }),
  );

// The modem adds a query string only to a path that ends in "?".
const filters = (f: Record<string, string[]>) => ({ filters: JSON.stringify(f) });
const id = (ref: string) => encodeURIComponent(ref);

export async function swarmInfo(host: HostConnection, signal?: AbortSignal): Promise<EngineInfoSwarm> {
  const info = await dial<{ Swarm?: EngineInfoSwarm }>(host, {
    path: "/info",
    method: "GET",
    statusCodes: { ...OK, 500: "server error" },
    ...(signal ? { abortSignal: signal } : {}),
  });
  return info.Swarm ?? {};
}

export const listNodes = (host: HostConnection) => get<EngineNode[]>(host, "/nodes");
export const inspectNode = (host: HostConnection, ref: string) => get<EngineNode>(host, `/nodes/${id(ref)}`);
export const updateNode = (host: HostConnection, node: string, version: number, spec: EngineNode["Spec"]) =>
  post<unknown>(host, `/nodes/${id(node)}/update`, spec, { version });
export const removeNode = (host: HostConnection, node: string, force: boolean) =>
  del(host, `/nodes/${id(node)}`, { force });

export const listServices = (host: HostConnection, f: Record<string, string[]> = {}) =>
  get<EngineService[]>(host, "/services", { status: true, ...filters(f) });
export const inspectService = (host: HostConnection, ref: string) =>
  get<EngineService>(host, `/services/${id(ref)}`, { insertDefaults: true });
export const createService = (host: HostConnection, spec: EngineServiceSpec) =>
  post<{ ID: string; Warnings?: string[] | null }>(host, "/services/create", spec);
export const updateService = (
  host: HostConnection,
  service: string,
  version: number,
  spec: EngineServiceSpec,
  rollback = false,
) =>
  post<{ Warnings?: string[] | null }>(host, `/services/${id(service)}/update`, spec, {
    version,
    ...(rollback ? { rollback: "previous" } : {}),
  });
export const removeService = (host: HostConnection, service: string) => del(host, `/services/${id(service)}`);

export const listTasks = (host: HostConnection, f: Record<string, string[]>) =>
  get<EngineTask[]>(host, "/tasks", filters(f));

type ObjectKind = "configs" | "secrets";
export const listObjects = (host: HostConnection, kind: ObjectKind) =>
  get<EngineSwarmObject[]>(host, `/${kind}`);
export const inspectObject = (host: HostConnection, kind: ObjectKind, ref: string) =>
  get<EngineSwarmObject>(host, `/${kind}/${id(ref)}`);
export const createObject = (
  host: HostConnection,
  kind: ObjectKind,
  spec: { Name: string; Labels?: Record<string, string>; Data: string },
) => post<{ ID: string }>(host, `/${kind}/create`, spec);
export const removeObject = (host: HostConnection, kind: ObjectKind, ref: string) =>
  del(host, `/${kind}/${id(ref)}`);
