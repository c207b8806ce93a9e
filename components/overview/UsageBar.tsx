/** A thin bar of use against capacity: green, amber past 70 %, red past 90 %. */
export function UsageBar({ used, total, testId }: { used: number; total: number; testId: string }) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const tone = share > 0.9 ? "bg-bad" : share > 0.7 ? "bg-warn" : "bg-ok";
  return (
    <div className="h-1.5 w-full overflow-hidden rounded bg-panel-2" data-testid={testId}>
      <div className={`h-full ${tone}`} style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </div>
  );
}
