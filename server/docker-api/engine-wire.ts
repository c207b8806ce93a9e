import http from "node:http";
import https from "node:https";
import type { HostConnection } from "../engines/host-connection";

/** What docker-modem keeps of a host's address; the endpoint speaks plain HTTP to the same place. */
interface ModemAddress {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** An SSH host's agent, whose sockets are channels to the remote engine. */
  agent?: http.Agent;
}

export interface EngineWire {
  request: typeof http.request;
  options: http.RequestOptions | https.RequestOptions;
}

/** Keyed by the modem: after a fail-over the host talks to another address, with a new one. */
const agents = new WeakMap<object, http.Agent>();

/**
 * How to reach a host's engine with a raw HTTP request: its unix socket, TCP or TLS address, or an
 * SSH host's kept-open channels. Plain calls reuse keep-alive connections; hijacked ones and streams
 * hold theirs for as long as they last, so the number of connections is not capped.
 */
export function engineWire(host: HostConnection): EngineWire {
  const m = host.docker.modem as unknown as ModemAddress;
  if (m.agent)
    return { request: http.request, options: { host: m.host, port: Number(m.port), agent: m.agent } };
  let agent = agents.get(m);
  const tls = m.protocol === "https";
  if (!agent) {
    agent = tls
      ? new https.Agent({ keepAlive: true, ca: m.ca, cert: m.cert, key: m.key })
      : new http.Agent({ keepAlive: true });
    agents.set(m, agent);
  }
  if (m.socketPath) return { request: http.request, options: { socketPath: m.socketPath, agent } };
  const base = { host: m.host, port: Number(m.port), agent };
  return tls
    ? {
        request: https.request,
        options: { ...base, ca: m.ca, cert: m.cert, key: m.key } satisfies https.RequestOptions,
      }
    : { request: http.request, options: base };
}
