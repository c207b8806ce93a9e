/** A tiny line of the recent values, drawn in the current text colour; `max` fixes the top of the scale. */
export function Sparkline({
  values,
  max,
  width = 56,
  height = 14,
  className = "",
}: {
  values: readonly number[];
  max?: number;
  width?: number;
  height?: number;
  className?: string;
}) {
  const top = max ?? Math.max(...values, 0);
  const points =
    values.length < 2 || !(top > 0)
      ? ""
      : values
          .map((v, i) => {
            const x = (i / (values.length - 1)) * width;
            const y = height - 0.5 - (Math.min(Math.max(v, 0), top) / top) * (height - 1);
            return `${x.toFixed(1)},${y.toFixed(1)}`;
          })
          .join(" ");
  return (
    <svg aria-hidden width={width} height={height} className={`inline-block align-middle ${className}`}>
      {points ? (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1" />
      ) : (
        <line
          x1="0"
          x2={width}
          y1={height - 0.5}
          y2={height - 0.5}
          stroke="currentColor"
          strokeWidth="1"
          opacity="0.4"
        />
      )}
    </svg>
  );
}
