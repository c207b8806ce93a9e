import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

export { parseCookies } from "../auth/cookies";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(payload));
  res.end(payload);
}

export function sendError(res: ServerResponse, err: AppError, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, err.status, { error: err.toBody() });
}

export { parseWith, validationError } from "../../lib/parse";

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    // A request without setEncoding yields Buffers; a string would mean someone set one.
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new AppError("VALIDATION", `body: larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(bytes);
  }
  if (size === 0) return {};
  if (!type.includes("application/json")) {
    throw new AppError("VALIDATION", "body: content-type must be application/json");
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", "body: not valid JSON");
  }
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    const [only] = all;
    out[key] = all.length === 1 && only !== undefined ? only : all;
  }
  return out;
}

export function clientIp(req: IncomingMessage): string {
  // A request whose socket is already gone has none, whatever the type says.
  const socket: IncomingMessage["socket"] | null = req.socket;
  return socket?.remoteAddress ?? "unknown";
}
