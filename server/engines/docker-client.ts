import Docker from "dockerode";
import type { HostSpec } from "./host-spec";

export type DockerClient = Docker;

export function createDockerClient(spec: HostSpec): DockerClient {
  const c = spec.connection;
  if (c.socketPath) return new Docker({ socketPath: c.socketPath });
  return new Docker({
    host: c.host,
    port: c.port,
    protocol: c.protocol,
    username: c.username,
    ca: c.ca,
    cert: c.cert,
    key: c.key,
    sshOptions: c.sshOptions,
  });
}

type Abortable<T> = (opts: { abortSignal?: AbortSignal }) => Promise<T>;

// dockerode accepts an abortSignal on these calls at runtime; its type definitions lack the overload.
export const pingEngine = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.ping.bind(d) as unknown as Abortable<unknown>)({ abortSignal });
export const engineVersion = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.version.bind(d) as unknown as Abortable<Docker.DockerVersion>)({ abortSignal });
export const engineInfo = (d: DockerClient, abortSignal: AbortSignal) =>
  (d.info.bind(d) as unknown as Abortable<Record<string, unknown>>)({ abortSignal });
