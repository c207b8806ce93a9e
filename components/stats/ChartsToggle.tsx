"use client";

/** A small pressed-or-not button that opens a section of stored charts (a host's, a service's). */
export function ChartsToggle({
  open,
  onToggle,
  label,
  title,
  testId,
}: {
  open: boolean;
  onToggle: () => void;
  label: string;
  title: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={open}
      title={title}
      onClick={onToggle}
      className={`shrink-0 rounded border px-1.5 py-0.5 text-[11px] leading-4 font-normal whitespace-nowrap ${open ? "border-accent/60 bg-accent/15 text-fg" : "border-line bg-panel text-muted hover:bg-panel-2 hover:text-fg"}`}
      data-testid={testId}
    >
      {label}
    </button>
  );
}
