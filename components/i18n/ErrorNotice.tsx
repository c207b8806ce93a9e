"use client";
import { useErrorText } from "./useErrorText";

/** An error in the user's language, with the server's or engine's own message verbatim beneath it. */
export function ErrorNotice({ error, className = "" }: { error: unknown; className?: string }) {
  const { title, original } = useErrorText()(error);
  return (
    <div className={`text-bad ${className}`} role="alert" data-testid="error-notice">
      <div className="font-medium">{title}</div>
      {original && (
        <div className="mt-0.5 font-mono text-[11px] break-words text-muted" data-testid="error-original">
          {original}
        </div>
      )}
    </div>
  );
}
