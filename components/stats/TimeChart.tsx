"use client";
import { useEffect, useLayoutEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { timeTicks } from "./time-ticks";

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: boolean;
}

/**
 * A live line chart over time (seconds on x). The uPlot instance is built once per set of series and
 * then only fed new data, which keeps a once-a-second update cheap.
 */
export function TimeChart({
  id,
  title,
  xs,
  series,
  format,
  height = 150,
  yMax,
  yFloor = 0,
  zoom = false,
  xRange,
}: {
  /** Names the chart for tests, the same in every language. */
  id: string;
  title: string;
  xs: number[];
  series: ChartSeries[];
  format: (v: number) => string;
  height?: number;
  /** Fixed top of the y axis; otherwise it follows the data, from 0. */
  yMax?: number;
  /** The lowest the axis's top goes, so that an idle series does not blow tiny values up into a full chart. */
  yFloor?: number;
  /** Drag across the chart to zoom in on a span of time; a double-click zooms out again. */
  zoom?: boolean;
  /** The time axis's span in seconds, whatever the data covers (a stored range that is still filling). */
  xRange?: [number, number];
}) {
  const t = useTranslations("stats");
  const timeLabel = t("series.time");
  const locale = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = [xs, ...series.map((s) => s.values)] as uPlot.AlignedData;
  const latest = useRef(data);
  const fmt = useRef(format);
  const shape = series.map((s) => `${s.label}:${s.color}:${s.dash ? 1 : 0}`).join("|");
  const span = useRef(xRange);
  const hasRange = !!xRange;
  // A handful of points draw as dots too: a line needs two, and a new range may hold one.
  const dots = xs.length < 30;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const muted = getComputedStyle(el).getPropertyValue("--muted").trim() || "#888";
    const grid = "rgba(128,128,128,0.15)";
    const ticks = timeTicks(locale);
    const u = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        legend: { live: true },
        cursor: { drag: { x: zoom, y: false } },
        scales: {
          x: span.current ? { time: true, range: () => span.current ?? [0, 1] } : { time: true },
          y: { range: (_u, _min, max) => [0, yMax ?? Math.max(yFloor, max > 0 ? max * 1.15 : 1)] },
        },
        axes: [
          // Room for a "12:40:30" between ticks, so a narrow chart's times do not run together.
          {
            stroke: muted,
            grid: { stroke: grid },
            ticks: { stroke: grid },
            space: 64,
            values: (_u, splits, _axis, _space, incr) => ticks.axis(splits, incr),
          },
          {
            stroke: muted,
            grid: { stroke: grid },
            ticks: { stroke: grid },
            size: 70,
            values: (_u, splits) => splits.map((v) => fmt.current(v)),
          },
        ],
        series: [
          { label: timeLabel, value: (_u: uPlot, v: number | null) => (v == null ? "--" : ticks.legend(v)) },
          ...shape.split("|").map((desc) => {
            const [label = "", color = "", dash] = desc.split(":");
            return {
              label,
              stroke: color,
              width: 1.5,
              points: { show: dots, size: 4 },
              dash: dash === "1" ? [4, 4] : undefined,
              value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? "—" : fmt.current(v)),
            };
          }),
        ],
      },
      latest.current,
      el,
    );
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [shape, height, yMax, yFloor, zoom, dots, hasRange, timeLabel, locale]);

  // Before the effect below, so that a chart (re)built there starts from this render's data.
  useLayoutEffect(() => {
    latest.current = data;
    fmt.current = format;
    span.current = xRange;
    plot.current?.setData(data);
  });

  return (
    <section className="min-w-0 rounded border border-line bg-panel">
      <h3 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {title}
      </h3>
      <div ref={box} className="px-1 py-1" data-testid={`chart-${id}`} />
    </section>
  );
}
