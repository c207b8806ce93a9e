import http from "node:http";
import https from "node:https";
import type { HostSpec } from "../../server/engines/host-spec";
import type { HttpTarget } from "./http-get";

export interface EngineTarget extends HttpTarget {
  id: string;
  kind: HostSpec["kind"];
  /** How the bench reaches the engine, for the report. */
  address: string;
}

/**
 * A keep-alive client for one engine on the same transport Wharf uses for it: the unix socket,
 * plain TCP, or TLS with the client certificate from the hosts file.
 */
export function engineTarget(spec: HostSpec): EngineTarget {
  const c = spec.connection;
  const common = { keepAlive: true, maxSockets: 16 };
  if (c.socketPath) {
    return {
      id: spec.id,
      kind: spec.kind,
      address: `unix:${c.socketPath}`,
      transport: http,
      agent: new http.Agent(common),
      base: { socketPath: c.socketPath },
    };
  }
  if (c.protocol === "http") {
    return {
      id: spec.id,
      kind: spec.kind,
      address: `http://${c.host}:${c.port}`,
      transport: http,
      agent: new http.Agent(common),
      base: { host: c.host, port: c.port },
    };
  }
  if (c.protocol === "https") {
    return {
      id: spec.id,
      kind: spec.kind,
      address: `https://${c.host}:${c.port}`,
      transport: https,
      agent: new https.Agent({ ...common, ca: c.ca, cert: c.cert, key: c.key }),
      base: { host: c.host, port: c.port },
    };
  }
  throw new Error(`host ${spec.id}: the bench does not support ${spec.kind} engines`);
}

export function closeTargets(targets: readonly HttpTarget[]): void {
  for (const t of targets) t.agent.destroy();
}
