import { formatDateTime } from "@/lib/format";

/**
 * Time labels for a chart's x axis and legend in the reader's locale, on a 24-hour clock: ops
 * people read "15:15", not "3:15pm", and a Chinese reader should not get an English "pm" at all.
 * Times are uPlot's, in seconds.
 */
export function timeTicks(locale: string): {
  axis: (splits: number[], incrSeconds: number) => string[];
  legend: (seconds: number) => string;
} {
  const clock = (withSeconds: boolean) =>
    new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      ...(withSeconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
    });
  const hm = clock(false);
  const hms = clock(true);
  const day = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric" });
  const dayOf = (s: number) => new Date(s * 1000).toDateString();
  return {
    axis: (splits, incr) =>
      splits.map((s, i) => {
        const d = new Date(s * 1000);
        if (incr >= 86_400) return day.format(d);
        const time = (incr < 60 ? hms : hm).format(d);
        // The date under the first tick and under each tick that starts a new day.
        const prev = splits[i - 1];
        return i === 0 || (prev !== undefined && dayOf(prev) !== dayOf(s))
          ? `${time}\n${day.format(d)}`
          : time;
      }),
    legend: (s) => formatDateTime(s * 1000, locale),
  };
}
