import type { Agent } from "node:http";
import Docker from "dockerode";
import type { HostSpec } from "./host-spec";
import { SshDialer } from "./ssh-dialer";

export type DockerClient = Docker;

const dialers = new WeakMap<DockerClient, SshDialer>();

export function createDockerClient(spec: HostSpec): DockerClient {
  const c = spec.connection;
  if (c.socketPath) return new Docker({ socketPath: c.socketPath });
  if (c.protocol === "ssh") {
    // Plain HTTP to the engine, carried by SSH channels that outlive each call (see SshDialer).
    const dialer = new SshDialer({
      host: c.host,
      port: c.port,
      username: c.username,
      ...(c.sshOptions ?? {}),
    });
    // docker-modem passes `agent` to every request; dockerode's types do not list it.
    const options: Docker.DockerOptions & { agent: Agent } = {
      host: c.host,
      port: c.port,
      protocol: "http",
      agent: dialer.agent(),
    };
    const docker = new Docker(options);
    dialers.set(docker, dialer);
    return docker;
  }
  return new Docker({
    host: c.host,
    port: c.port,
    protocol: c.protocol,
    username: c.username,
    ca: c.ca,
    cert: c.cert,
    key: c.key,
  });
}

/** Closes what a client holds open beyond single calls: an SSH host's connections. */
export function closeDockerClient(d: DockerClient): void {
  dialers.get(d)?.close();
}

type Abortable<T> = (opts: { abortSignal?: AbortSignal }) => Promise<T>;

// dockerode accepts an abortSignal on these calls at runtime; its type definitions lack the overload.
export const pingEngine = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.ping.bind(d) as unknown as Abortable<unknown>)({ abortSignal });
export const engineVersion = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.version.bind(d) as unknown as Abortable<Docker.DockerVersion>)({ abortSignal });
export const engineInfo = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.info.bind(d) as unknown as Abortable<Record<string, unknown>>)({ abortSignal });
