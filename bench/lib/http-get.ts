import type http from "node:http";
import type https from "node:https";
import { performance } from "node:perf_hooks";

export interface HttpTarget {
  /** http or https module, matching the agent. */
  transport: typeof http | typeof https;
  agent: http.Agent;
  /** host/port or socketPath, plus any fixed headers. */
  base: http.RequestOptions;
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request on a keep-alive agent; resolves with the whole body read. */
export function httpRequest(
  t: HttpTarget,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = t.transport.request(
      {
        ...t.base,
        agent: t.agent,
        method,
        path,
        headers: {
          ...(t.base.headers as Record<string, string> | undefined),
          ...opts.headers,
          ...(payload !== undefined
            ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }
            : {}),
        },
        timeout: opts.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

export interface TimedJson<T> {
  ms: number;
  bytes: number;
  value: T;
}

/**
 * Times a GET from sending the request to the parsed JSON value: body read, toString and
 * JSON.parse included, so both sides of a comparison pay for the same client work.
 */
export async function timedGetJson<T>(t: HttpTarget, path: string): Promise<TimedJson<T>> {
  const t0 = performance.now();
  const r = await httpRequest(t, "GET", path);
  const value = JSON.parse(r.body.toString("utf8")) as T;
  const ms = performance.now() - t0;
  if (r.status !== 200)
    throw new Error(`GET ${path}: HTTP ${r.status}: ${r.body.toString("utf8").slice(0, 300)}`);
  return { ms, bytes: r.body.length, value };
}

/** Throws with the body when the status is not one of `ok`. */
export function expectStatus(r: HttpResult, ok: number[], what: string): HttpResult {
  if (!ok.includes(r.status))
    throw new Error(`${what}: HTTP ${r.status}: ${r.body.toString("utf8").slice(0, 300)}`);
  return r;
}
