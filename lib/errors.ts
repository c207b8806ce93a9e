import type { Messages } from "./i18n/messages";

export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "ENGINE_UNREACHABLE",
  "ENGINE_ERROR",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  ENGINE_UNREACHABLE: 502,
  ENGINE_ERROR: 502,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/** Dotted paths to the leaves of a message tree. */
type LeafKeys<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafKeys<T[K]>}`;
}[keyof T & string];

/** A server error the browser can say in the user's language: a key under `errors.key` in the catalogs. */
export type ErrorMessageKey = LeafKeys<Messages["errors"]["key"]>;
export type ErrorParams = Record<string, string | number>;

export interface ErrorBody {
  code: ErrorCode;
  /** Wharf's English text, or the engine's own words; always present, shown verbatim. */
  message: string;
  details?: unknown;
  /** When set, the browser renders this message in the user's language, with `params`. */
  messageKey?: ErrorMessageKey;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  messageKey?: ErrorMessageKey;
  params?: ErrorParams;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** Names the message the browser shows in the user's language; the English message stays as it is. */
  keyed(messageKey: ErrorMessageKey, params?: ErrorParams): this {
    this.messageKey = messageKey;
    if (params) this.params = params;
    return this;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.messageKey ? { messageKey: this.messageKey } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A thrown value as an Error: an Error stays itself (its own fields kept), anything else is wrapped. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** What a thrown value says, whatever was thrown. */
export function messageOf(thrown: unknown): string {
  return asError(thrown).message;
}
