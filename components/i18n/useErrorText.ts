"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/api/client";
import { errorIssues } from "@/components/api/error-field";
import { isErrorCode, type ErrorCode } from "@/lib/errors";
import { matchServerMessage, matchValidationReason } from "./reason-match";

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
  const reasonText = useReasonText();
  const serverText = useServerText();
  return useCallback(
    (err: unknown): ErrorText => {
      if (err instanceof ApiError) {
        const code: ErrorCode = isErrorCode(err.code) ? err.code : "INTERNAL";
        const issues = code === "VALIDATION" ? errorIssues(err) : [];
        // Wharf's own reasons, said in the user's language field by field.
        if (issues.length) {
          return {
            title: t("code.VALIDATION"),
            original: issues.map((i) => `${i.field}: ${reasonText(i.message)}`).join("; "),
          };
        }
        if (err.i18n?.messageKey) {
          const title = t(`key.${err.i18n.messageKey}`, err.i18n.params ?? {});
          // The engine's words stay visible even when Wharf has its own sentence for the case.
          return ENGINE_WORDS.has(code) ? { title, original: err.message } : { title };
        }
        const said = serverText(err.message);
        if (said !== undefined && said !== err.message) {
          // Wharf's own sentence in the user's language; an engine's words it wraps stay as they came.
          return ENGINE_WORDS.has(code)
            ? { title: said, original: err.message }
            : { title: t(`code.${code}`), original: said };
        }
        return { title: t(`code.${code}`), original: err.message };
      }
      return { title: t("code.INTERNAL"), original: err instanceof Error ? err.message : String(err) };
    },
    [t, reasonText, serverText],
  );
}

/** One of Wharf's own server messages in the user's language, or undefined when the catalog lacks it. */
function useServerText(): (message: string) => string | undefined {
  const t = useTranslations("server");
  return useCallback(
    (message: string) => {
      const m = matchServerMessage(message);
      return m ? t(m.key, m.values) : undefined;
    },
    [t],
  );
}

/** A validation reason in the user's language when the catalog knows it, else as Wharf wrote it. */
export function useReasonText(): (reason: string) => string {
  const t = useTranslations("validation");
  return useCallback(
    function say(reason: string, depth = 0): string {
      const m = matchValidationReason(reason);
      if (!m) return reason;
      // A reason may wrap another ("only an admin may {reason}"): that one is said too.
      const inner = m.values.reason;
      const values =
        inner !== undefined && depth < 3 ? { ...m.values, reason: say(inner, depth + 1) } : m.values;
      return t(m.key, values);
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
