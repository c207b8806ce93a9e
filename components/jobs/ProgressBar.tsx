const TONE = {
  accent: "bg-accent",
  ok: "bg-ok",
  bad: "bg-bad",
  muted: "bg-muted",
} as const;

/** A thin bar for a fraction 0..1; exposes its value to assistive tech and tests. */
export function ProgressBar({
  value,
  label,
  tone = "accent",
  className = "",
}: {
  value: number;
  label: string;
  tone?: keyof typeof TONE;
  className?: string;
}) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className={`block h-1.5 overflow-hidden rounded bg-panel-2 ${className}`}
    >
      <span
        className={`block h-full ${TONE[tone]} transition-[width] duration-200`}
        style={{ width: `${pct}%` }}
      />
    </span>
  );
}
