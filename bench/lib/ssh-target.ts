import http from "node:http";
import type { Duplex } from "node:stream";
import { Client } from "ssh2";
import type { HostSpec } from "../../server/engines/host-spec";
import type { EngineTarget } from "./engines";

/**
 * The engine behind an SSH host at its best: one SSH connection kept open, and HTTP keep-alive over
 * `docker system dial-stdio` channels on it, so a timed request pays neither the handshake nor a
 * new channel (the way the other transports' keep-alive agents are used for the raw baseline).
 */
export function sshTarget(spec: HostSpec): EngineTarget {
  const c = spec.connection;
  if (c.protocol !== "ssh" || !c.host || !c.sshOptions) throw new Error(`host ${spec.id}: not an ssh host`);
  let ready: Promise<Client> | undefined;
  const client = (): Promise<Client> =>
    (ready ??= new Promise<Client>((resolve, reject) => {
      const conn = new Client();
      conn.once("ready", () => resolve(conn));
      conn.once("error", (err) => {
        ready = undefined;
        reject(err);
      });
      conn.once("close", () => (ready = undefined));
      conn.connect({
        host: c.host,
        port: c.port,
        username: c.username ?? "root",
        privateKey: c.sshOptions?.privateKey,
        keepaliveInterval: 10_000,
      });
    }));

  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  // A channel is a plain duplex stream: give it the socket methods the agent and the request call.
  const asSocket = (s: Duplex) =>
    Object.assign(s, {
      setKeepAlive: () => s,
      setNoDelay: () => s,
      setTimeout: () => s,
      ref: () => s,
      unref: () => s,
    });
  (agent as unknown as { createConnection: unknown }).createConnection = (
    _opts: unknown,
    cb: (err: Error | null, socket?: Duplex) => void,
  ) => {
    client().then(
      (conn) =>
        conn.exec("docker system dial-stdio", (err, stream) => (err ? cb(err) : cb(null, asSocket(stream)))),
      (err: Error) => cb(err),
    );
    return undefined;
  };
  const destroy = agent.destroy.bind(agent);
  agent.destroy = () => {
    destroy();
    void ready?.then((conn) => conn.end());
  };
  return {
    id: spec.id,
    kind: spec.kind,
    address: `ssh://${c.username ?? "root"}@${c.host}:${c.port} (kept open)`,
    transport: http,
    agent,
    base: { host: "localhost" },
  };
}
