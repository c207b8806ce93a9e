import { IncomingMessage } from "node:http";
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
  method: "GET" | "POST" | "PUT" | "HEAD" | "DELETE";
  options?: Record<string, unknown>;
  file?: Readable;
  isStream?: boolean;
  authconfig?: RegistryAuth | Record<string, never>;
  abortSignal?: AbortSignal;
  statusCodes: Record<number, true | string>;
  headers?: Record<string, string>;
}

/** The engine API through dockerode's modem, so every call takes an abort signal and exact query options. */
export function dial<T>(host: HostConnection, o: DialOptions): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    host.docker.modem.dial({ ...o, options: o.options ? { ...o.options } : {} }, (err, data) =>
      err ? reject(asError(err)) : resolve(data as T),
    ),
  );
}

/** A call whose answer is a stream (logs, attach): the engine's open response, or the engine's error. */
export function dialStream(host: HostConnection, o: Omit<DialOptions, "isStream">): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolve, reject) =>
    host.docker.modem.dial(
      { ...o, isStream: true, options: o.options ? { ...o.options } : {} },
      (err, data) => {
        if (err) return reject(asError(err));
        if (data instanceof IncomingMessage) return resolve(data);
        reject(new Error("the engine answered no stream"));
      },
    ),
  );
}

export const OK = { 200: true, 201: true, 204: true } as const;
