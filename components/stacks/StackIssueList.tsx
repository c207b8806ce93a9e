"use client";
import { useTranslations } from "next-intl";
import type { StackIssue } from "./compose-issues";

/**
 * The server's findings under the editor, each with its place; one in a file moves the cursor there.
 * The messages are the server's own words, as an operator would search for them.
 */
export function StackIssueList({
  issues,
  onPick,
}: {
  issues: StackIssue[];
  onPick: (issue: StackIssue) => void;
}) {
  const t = useTranslations("stacks.editor");
  if (!issues.length) return null;
  return (
    <section className="rounded border border-bad/40 bg-bad/5 p-2" role="alert" data-testid="stack-issues">
      <h2 className="mb-1 font-medium text-bad">{t("issues", { count: issues.length })}</h2>
      <ul className="flex flex-col gap-0.5">
        {issues.map((i, n) => (
          <li key={n} className="flex items-baseline gap-2" data-testid="stack-issue">
            {i.line !== undefined ? (
              <button
                type="button"
                className="shrink-0 font-mono text-xs text-accent hover:underline"
                onClick={() => onPick(i)}
                title={t("goTo")}
              >
                {i.file === "env"
                  ? t("placeEnv", { line: i.line })
                  : t("place", { line: i.line, col: i.col ?? 1 })}
              </button>
            ) : (
              <span className="shrink-0 font-mono text-xs text-muted">
                {i.file === "env" ? t("envFile") : "—"}
              </span>
            )}
            <span className="font-mono text-xs">{i.path}</span>
            <span className="[overflow-wrap:anywhere]">{i.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
