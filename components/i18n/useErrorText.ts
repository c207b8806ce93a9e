"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/api/client";
import { isErrorCode, type ErrorCode } from "@/lib/errors";

/** Codes whose message carries the engine's own words, kept beside any translation. */
const ENGINE_WORDS = new Set<ErrorCode>(["ENGINE_ERROR", "ENGINE_UNREACHABLE", "CONFLICT"]);

export interface ErrorText {
  /** What happened, in the user's language. */
  title: string;
  /** Wharf's or the engine's own words, verbatim: what an operator searches for. Absent when the title says it all. */
  original?: string;
}

/**
 * An error as the user reads it. A keyed server error is said in the user's language; any other is
 * headed by its code's translation, with the server's (often the engine's) message kept beside it.
 */
export function useErrorText(): (err: unknown) => ErrorText {
  const t = useTranslations("errors");
  return useCallback(
    (err: unknown): ErrorText => {
      if (err instanceof ApiError) {
        const code: ErrorCode = isErrorCode(err.code) ? err.code : "INTERNAL";
        if (err.i18n?.messageKey) {
          const title = t(`key.${err.i18n.messageKey}`, err.i18n.params ?? {});
          // The engine's words stay visible even when Wharf has its own sentence for the case.
          return ENGINE_WORDS.has(code) ? { title, original: err.message } : { title };
        }
        return { title: t(`code.${code}`), original: err.message };
      }
      return { title: t("code.INTERNAL"), original: err instanceof Error ? err.message : String(err) };
    },
    [t],
  );
}

/** The one-line form, for toasts and inline form errors. */
export function useErrorLine(): (err: unknown) => string {
  const text = useErrorText();
  return useCallback(
    (err: unknown) => {
      const { title, original } = text(err);
      return original ? `${title}: ${original}` : title;
    },
    [text],
  );
}
