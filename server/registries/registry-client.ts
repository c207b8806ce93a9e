import { AppError, type ErrorCode } from "../../lib/errors";
import type { RegistryTarget } from "./registry-store";
import { bearerChallenge, type AuthChallenge } from "./www-authenticate";
import { fieldIn } from "../../lib/parse";

/** One logical call (challenge, token, retry and body) must finish within this, so nothing hangs. */
export const REGISTRY_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface RegistryReply {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface RequestOptions {
  accept?: readonly string[];
  /** Extra words for a refusal, e.g. what the registry must allow. */
  refusalHint?: string;
}

/**
 * The v2 registry HTTP API over Node's fetch: basic credentials, the Docker token flow on a Bearer
 * challenge, and errors that name the registry. Never a 401: to the UI that means "signed out".
 */
export class RegistryClient {
  constructor(
    private readonly target: RegistryTarget,
    private readonly timeoutMs = REGISTRY_TIMEOUT_MS,
  ) {}

  private get label(): string {
    return `registry "${this.target.name}"`;
  }

  private get basic(): string | undefined {
    const { username, password } = this.target;
    if (!username) return undefined;
    return `Basic ${Buffer.from(`${username}:${password ?? ""}`).toString("base64")}`;
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<RegistryReply> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      let res = await this.send(method, path, opts, this.basic, signal);
      if (res.status === 401) {
        const challenge = bearerChallenge(res.headers.get("www-authenticate"));
        await res.body?.cancel();
        if (challenge) {
          const token = await this.token(challenge, signal);
          res = await this.send(method, path, opts, `Bearer ${token}`, signal);
        }
        if (res.status === 401) {
          await res.body?.cancel();
          throw this.credentialsError();
        }
      }
      if (!res.ok) throw await this.replyError(res, opts.refusalHint);
      const body = method === "HEAD" ? Buffer.alloc(0) : await readCapped(res, MAX_BODY_BYTES, this.label);
      return { status: res.status, headers: res.headers, body };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw this.unreachable(e);
    }
  }

  /** The reply body as JSON; anything else means this is not a registry (or not its API root). */
  json(reply: RegistryReply): unknown {
    try {
      return JSON.parse(reply.body.toString("utf8"));
    } catch {
      throw new AppError(
        "ENGINE_ERROR",
        `${this.label} did not answer JSON; is ${this.target.url} a v2 registry?`,
        {
          registry: this.target.name,
        },
      );
    }
  }

  private send(
    method: string,
    path: string,
    opts: RequestOptions,
    authorization: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (opts.accept) headers.accept = opts.accept.join(", ");
    if (authorization) headers.authorization = authorization;
    return fetch(this.target.url + path, { method, headers, signal, redirect: "follow" });
  }

  /** The Docker token spec: ask the realm for a token for the challenged scope, with basic credentials if any. */
  private async token(challenge: AuthChallenge, signal: AbortSignal): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm ?? "");
      if (realm.protocol !== "https:" && realm.protocol !== "http:") throw new Error("scheme");
    } catch {
      throw this.error("ENGINE_ERROR", `${this.label} named an unusable token realm`);
    }
    if (challenge.params.service) realm.searchParams.set("service", challenge.params.service);
    for (const scope of (challenge.params.scope ?? "").split(" ").filter(Boolean)) {
      realm.searchParams.append("scope", scope);
    }
    const basic = this.basic;
    const res = await fetch(realm, { headers: basic ? { authorization: basic } : {}, signal });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw this.credentialsError();
    }
    if (!res.ok) throw await this.replyError(res);
    const body: unknown = await res.json().catch(() => ({}));
    const given = fieldIn(body, "token");
    const token = typeof given === "string" ? given : fieldIn(body, "access_token");
    if (typeof token !== "string" || !token) {
      throw this.error("ENGINE_ERROR", `${this.label}: its token service answered no token`);
    }
    return token;
  }

  private credentialsError(): AppError {
    return this.target.username
      ? this.error(
          "FORBIDDEN",
          `${this.label} rejected the credentials of "${this.target.username}"; check the username and password`,
        )
      : this.error("FORBIDDEN", `${this.label} needs credentials; add a username and password to it`);
  }

  private async replyError(res: Response, hint?: string): Promise<AppError> {
    const text = await readCapped(res, 64 * 1024, this.label)
      .then((b) => b.toString("utf8"))
      .catch(() => "");
    const said = registryMessage(text) ?? `HTTP ${res.status} ${res.statusText}`.trim();
    const details = { registry: this.target.name, status: res.status };
    if (res.status === 404) return new AppError("NOT_FOUND", `${this.label}: ${said}`, details);
    if (res.status === 403) return new AppError("FORBIDDEN", `${this.label} denied access: ${said}`, details);
    if (res.status === 400) return new AppError("VALIDATION", `${this.label}: ${said}`, details);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      return new AppError("CONFLICT", `${this.label} refused: ${said}${hint ? ` (${hint})` : ""}`, details);
    }
    return new AppError("ENGINE_ERROR", `${this.label} failed: ${said}`, details);
  }

  private unreachable(e: unknown): AppError {
    const where = `${this.label} at ${this.target.url}`;
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    const message = timedOut
      ? `${where} did not answer within ${this.timeoutMs % 1000 ? `${this.timeoutMs} ms` : `${this.timeoutMs / 1000} s`}`
      : `${where} is unreachable: ${causeOf(e)}`;
    return this.error("ENGINE_UNREACHABLE", message);
  }

  private error(code: ErrorCode, message: string): AppError {
    return new AppError(code, message, { registry: this.target.name });
  }
}

/** The registry's own words from its `{"errors": [{code, message}]}` body. */
export function registryMessage(text: string): string | undefined {
  try {
    const errors = fieldIn(JSON.parse(text), "errors");
    const said = (Array.isArray(errors) ? errors : [])
      .map((e) => {
        const message = fieldIn(e, "message");
        return typeof message === "string" && message ? message : fieldIn(e, "code");
      })
      .filter((m): m is string => typeof m === "string" && !!m);
    return said.length ? said.join("; ") : undefined;
  } catch {
    return undefined;
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS or TLS error) is in its cause. */
function causeOf(e: unknown): string {
  const cause = fieldIn(e, "cause");
  if (cause instanceof AggregateError && cause.errors.length) {
    return cause.errors.map((x: unknown) => (x instanceof Error ? x.message : String(x))).join("; ");
  }
  if (cause instanceof Error) {
    const code = fieldIn(cause, "code");
    return cause.message || (typeof code === "string" ? code : "") || cause.name;
  }
  return e instanceof Error ? e.message : String(e);
}

async function readCapped(res: Response, max: number, label: string): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AppError("ENGINE_ERROR", `${label} answered more than ${max} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
}
