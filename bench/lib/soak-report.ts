import type { SoakTotals } from "./soak-clients";
import type { RssFigures } from "./soak-rss";
import { table } from "./stats";

const GROWTH_TARGET = 0.1;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The soak's minute readings, then every figure beside its target and what it is measured against. */
export function soakReport(
  say: (line: string) => void,
  k: { clients: number; warmMin: number },
  r: {
    rssStart: number;
    rss: RssFigures;
    cpu: number;
    totals: SoakTotals;
    churned: { starts: number; stops: number; errors: string[] };
    readings: string[][];
    tailLost: number;
  },
): void {
  const t = r.totals;
  const growth = (r.rss.end - r.rss.warm) / r.rss.warm;
  const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(3)} %` : "-");
  say("");
  say(table(["time", "RSS", "samples", "lost", "lines", "lost", "disconnects"], r.readings));
  say("");
  say(
    table(
      ["figure", "measured", "target", "baseline (same run)", "verdict"],
      [
        [
          "server RSS growth after warm-up",
          `${(growth * 100).toFixed(1)} % (${mb(r.rss.warm)} → ${mb(r.rss.end)})`,
          `< ${GROWTH_TARGET * 100} %`,
          `start ${mb(r.rssStart)}; medians of the minute after the ${k.warmMin.toFixed(1)}-min warm-up and of the last`,
          growth < GROWTH_TARGET ? "ok" : "MISSED",
        ],
        [
          "server RSS trend after warm-up",
          `${r.rss.slopePer10Min >= 0 ? "+" : ""}${mb(r.rss.slopePer10Min)} per 10 min (peak ${mb(r.rss.peak)})`,
          "-",
          "least squares through a reading every 5 s",
          "-",
        ],
        [
          "socket disconnects",
          String(t.disconnects),
          "0",
          `${k.clients} clients`,
          t.disconnects ? "MISSED" : "ok",
        ],
        [
          "undelivered samples",
          `${t.samplesLost} (${pct(t.samplesLost, t.samplesExpected)})`,
          "0",
          `${t.samplesExpected} expected, ${t.samples} received`,
          t.samplesLost ? "MISSED" : "ok",
        ],
        [
          "undelivered lines",
          `${t.linesLost} (${pct(t.linesLost, t.lines + t.linesLost)}; ${r.tailLost} at the end)`,
          "0",
          `${t.lines} received, ${t.linesRepeated} repeated, server skipped ${t.linesSkipped}`,
          t.linesLost ? "MISSED" : "ok",
        ],
        ["server CPU", `${(r.cpu * 100).toFixed(1)} % of a core`, "-", "-", "-"],
      ],
    ),
  );
  say(
    `churn: ${r.churned.starts} starts and ${r.churned.stops} stops` +
      (r.churned.errors.length
        ? `, ${r.churned.errors.length} failed: ${r.churned.errors.slice(0, 3).join("; ")}`
        : ""),
  );
}
