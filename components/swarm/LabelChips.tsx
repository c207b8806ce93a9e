/** Labels as small `key=value` chips; long sets wrap within the cell. */
export function LabelChips({ labels, max = 4 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels);
  return (
    <span className="flex flex-wrap gap-1">
      {entries.slice(0, max).map(([k, v]) => (
        <span key={k} className="rounded border border-line px-1 font-mono text-[11px] leading-4 text-muted">
          {v ? `${k}=${v}` : k}
        </span>
      ))}
      {entries.length > max && <span className="text-[11px] text-muted">+{entries.length - max}</span>}
    </span>
  );
}
