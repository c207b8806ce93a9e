"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { diffHunks, diffLines, diffStats } from "./line-diff";

const ROW = {
  same: "",
  add: "bg-ok/10",
  del: "bg-bad/10",
} as const;

const SIGN = { same: " ", add: "+", del: "-" } as const;

/** Two texts line by line: removed lines red, added green, long unchanged runs folded. */
export function LineDiffView({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const t = useTranslations("stacks.diff");
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  const hunks = useMemo(() => diffHunks(lines), [lines]);
  const stats = diffStats(lines);
  if (stats.added === 0 && stats.removed === 0) {
    return (
      <div className="text-muted" data-testid={testId} data-same="true">
        {t("same")}
      </div>
    );
  }
  return (
    <div data-testid={testId}>
      <div className="mb-1 text-[11px] text-muted" data-testid="diff-stats">
        <span className="text-ok">{t("added", { count: stats.added })}</span>
        {" · "}
        <span className="text-bad">{t("removed", { count: stats.removed })}</span>
      </div>
      <div className="overflow-auto rounded border border-line bg-bg">
        <table className="w-full border-collapse font-mono text-xs leading-5">
          <tbody>
            {hunks.map((h, i) =>
              h.kind === "skip" ? (
                <tr key={`skip-${i}`} className="bg-panel-2 text-muted">
                  <td colSpan={4} className="px-2 text-center text-[11px]">
                    {t("skipped", { count: h.count })}
                  </td>
                </tr>
              ) : (
                <tr key={`${h.kind}-${h.a ?? ""}-${h.b ?? ""}`} className={ROW[h.kind]} data-kind={h.kind}>
                  <td className="w-10 border-r border-line/60 px-1 text-right text-muted select-none">
                    {h.a ?? ""}
                  </td>
                  <td className="w-10 border-r border-line/60 px-1 text-right text-muted select-none">
                    {h.b ?? ""}
                  </td>
                  <td
                    className={`w-4 px-1 select-none ${h.kind === "add" ? "text-ok" : h.kind === "del" ? "text-bad" : ""}`}
                  >
                    {SIGN[h.kind]}
                  </td>
                  <td className="pr-2 whitespace-pre">{h.text}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
