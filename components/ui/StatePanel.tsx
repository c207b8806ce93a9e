import type { ReactNode } from "react";

/** Empty and error states: say what happened and what to do next. */
export function StatePanel({
  tone = "empty",
  title,
  children,
}: {
  tone?: "empty" | "error" | "loading";
  title: string;
  children?: ReactNode;
}) {
  const color = tone === "error" ? "border-bad/50" : "border-line";
  return (
    <div
      className={`m-3 rounded border border-dashed ${color} bg-panel p-6 text-center`}
      data-testid={`state-${tone}`}
    >
      <div className={`font-medium ${tone === "error" ? "text-bad" : ""}`}>{title}</div>
      {children && <div className="mt-1 text-muted">{children}</div>}
    </div>
  );
}
