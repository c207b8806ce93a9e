import type { Readable } from "node:stream";
import type { HostConnection } from "./host-connection";
import { asError } from "../../lib/errors";

/** What `X-Registry-Auth` carries: credentials for one registry, never part of a URL. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

interface DialOptions {
  path: string;
  method: "GET" | "POST" | "DELETE";
  options?: Record<string, unknown>;
  file?: Readable;
  isStream?: boolean;
  authconfig?: RegistryAuth | Record<string, never>;
  abortSignal?: AbortSignal;
  statusCodes: Record<number, true | string>;
  headers?: Record<string, string>;
}

type Modem = { dial(o: DialOptions, cb: (err: unknown, data: unknown) => void): void };

/** The engine API through dockerode's modem, so every call takes an abort signal and exact query options. */
export function dial<T>(host: HostConnection, o: DialOptions): Promise<T> {
  const modem = (host.docker as unknown as { modem: Modem }).modem;
  return new Promise<T>((resolve, reject) =>
    modem.dial({ ...o, options: o.options ? { ...o.options } : {} }, (err, data) =>
      err ? reject(asError(err)) : resolve(data as T),
    ),
  );
}

export const OK = { 200: true, 201: true, 204: true } as const;
