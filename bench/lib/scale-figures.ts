import { overallRatio } from "./report";
import type { HostSamples } from "./measure";
import type { StatusChange } from "./host-watch";
import type { FaultFigures } from "./scale-faults";
import type { MergedSamples } from "./scale-lists";
import type { PageFigures } from "./scale-pages";
import { mbText, msText, ratioText, type Figure } from "./scale-report";
import { median } from "./stats";

export const TARGETS = {
  p1Ratio: 0.5,
  mergedMs: 60,
  firstRowMs: 1000,
  filterMs: 100,
  domRows: 200,
  heapMb: 150,
  rssMb: 250,
  downMs: 5000,
  reconcileMs: 10_000,
} as const;

export interface ScaleResults {
  total: number;
  perHost: HostSamples[];
  merged: MergedSamples;
  one: PageFigures;
  all: PageFigures;
  rssBoot: number;
  rssLoaded: number;
  rssPeak: number;
  idle: { wharfMs: number; enginesMs: number; seconds: number };
  faults?: FaultFigures;
  /** From every host up to the merged list holding every container. */
  mergedReady: number;
}

const MB = 2 ** 20;
const pct = (cpuMs: number, s: number) => `${((cpuMs / (s * 1000)) * 100).toFixed(2)} % of a core`;

export function scaleFigures(r: ScaleResults): Figure[] {
  const p1 = overallRatio(r.perHost);
  const mergedP50 = median(r.merged.wharf);
  const fanP50 = median(r.merged.fanOut);
  const first = median(r.all.firstRow);
  const firstOne = median(r.one.firstRow);
  const filter = median(r.all.filter);
  const filterOne = median(r.one.filter);
  const figures: Figure[] = [
    {
      name: "P1′ per-host list p50 (pooled)",
      measured: `${msText(p1.wharf)} (${p1.ratio.toFixed(2)}×)`,
      target: `≤ ${TARGETS.p1Ratio.toFixed(2)}× engine`,
      baseline: `engine ${msText(p1.raw)}`,
      ratio: ratioText(p1.wharf, p1.raw),
      ok: p1.ratio <= TARGETS.p1Ratio,
    },
    {
      name: `merged list p50 (${r.merged.items} containers)`,
      measured: msText(mergedP50),
      target: `≤ ${TARGETS.mergedMs} ms`,
      baseline: `all engines at once ${msText(fanP50)}`,
      ratio: ratioText(mergedP50, fanP50),
      ok: mergedP50 <= TARGETS.mergedMs,
    },
    {
      name: "/containers to first row p50",
      measured: msText(first),
      target: `≤ ${TARGETS.firstRowMs} ms`,
      baseline: `one host ${msText(firstOne)}`,
      ratio: ratioText(first, firstOne),
      ok: first <= TARGETS.firstRowMs,
    },
    {
      name: "filter typed to rows p50",
      measured: `${msText(filter)} (max ${msText(Math.max(...r.all.filter))})`,
      target: `≤ ${TARGETS.filterMs} ms`,
      baseline: `one host ${msText(filterOne)}`,
      ratio: ratioText(filter, filterOne),
      ok: filter <= TARGETS.filterMs,
    },
    {
      name: "filter cleared to all rows p50",
      measured: msText(median(r.all.clear)),
      target: "-",
      baseline: `one host ${msText(median(r.one.clear))}`,
      ratio: ratioText(median(r.all.clear), median(r.one.clear)),
    },
    {
      name: "DOM rows (tr in the table)",
      measured: `${r.all.tr} (${r.all.rows} container rows)`,
      target: `≤ ${TARGETS.domRows}`,
      baseline: `${r.total} containers listed`,
      ratio: ratioText(r.all.tr, r.total),
      ok: r.all.tr <= TARGETS.domRows,
    },
    {
      name: "tab JS heap",
      measured: `${mbText(r.all.heapUsed)} (${mbText(r.all.heapAfterGc)} after GC)`,
      target: `≤ ${TARGETS.heapMb} MB`,
      baseline: `one host ${mbText(r.one.heapUsed)}`,
      ratio: ratioText(r.all.heapUsed, r.one.heapUsed),
      ok: r.all.heapUsed <= TARGETS.heapMb * MB,
    },
    {
      name: "server RSS, loaded (median of 7)",
      measured: mbText(r.rssLoaded),
      target: `≤ ${TARGETS.rssMb} MB`,
      baseline: `after boot ${mbText(r.rssBoot)}`,
      ratio: ratioText(r.rssLoaded, r.rssBoot),
      ok: r.rssLoaded <= TARGETS.rssMb * MB,
    },
    {
      name: "server RSS, peak of the run",
      measured: mbText(r.rssPeak),
      target: "-",
      baseline: `after boot ${mbText(r.rssBoot)}`,
      ratio: ratioText(r.rssPeak, r.rssBoot),
    },
    {
      name: `server idle CPU over ${r.idle.seconds} s`,
      measured: pct(r.idle.wharfMs, r.idle.seconds),
      target: "-",
      baseline: `engines ${pct(r.idle.enginesMs, r.idle.seconds)}`,
      ratio: ratioText(r.idle.wharfMs, r.idle.enginesMs),
    },
  ];
  const f = r.faults;
  if (!f) return figures;
  const gaps =
    f.lists.gaps.length +
    f.merged.gaps.length +
    f.browser.gaps.length +
    f.sockets.statsGaps.length +
    f.sockets.unsubscribed.length;
  const drops = f.sockets.disconnects + f.browser.socketCloses;
  figures.push(
    {
      name: `faults: gaps on the other hosts`,
      measured: `${gaps} gaps, ${drops} disconnects`,
      target: "0",
      baseline: `${f.lists.calls + f.merged.calls + f.browser.responses} lists checked`,
      ratio: "-",
      ok: gaps === 0 && drops === 0,
    },
    {
      name: `faults: ${f.victim} reported down`,
      measured: `API ${msText(f.downApiMs)}, socket ${msText(f.downSocketAllMs)}`,
      target: `≤ ${TARGETS.downMs} ms`,
      baseline: "the SIGKILL",
      ratio: "-",
      ok: Math.max(f.downApiMs ?? Infinity, f.downSocketAllMs ?? Infinity) <= TARGETS.downMs,
    },
    {
      name: `faults: ${f.victim}'s list while down`,
      measured: `${f.whileDown.served} of ${f.whileDown.calls} served (HTTP ${f.whileDown.codes})`,
      target: "0 served",
      baseline: "-",
      ratio: "-",
      ok: f.whileDown.served === 0 && f.mergedStale === 0,
    },
    {
      name: `faults: ${f.victim} listed right again`,
      measured: msText(f.reconciledMs),
      target: `≤ ${TARGETS.reconcileMs} ms`,
      baseline: "its _ping answering",
      ratio: "-",
      ok: (f.reconciledMs ?? Infinity) <= TARGETS.reconcileMs,
    },
  );
  return figures;
}

/** The fault phase in words, with every gap seen. */
export function faultLines(f: FaultFigures): string[] {
  const lines = [
    `faults: ${f.victim} (${f.kind}) SIGKILLed; the other hosts were watched by ${f.lists.calls} per-host lists, ${f.merged.calls} merged lists, ${f.browser.responses} tab list responses and ${f.sockets.clients} socket clients`,
    `  down: GET /api/v1/hosts after ${msText(f.downApiMs)}, host:status on the first client after ${msText(f.downSocketFirstMs)}, on all after ${msText(f.downSocketAllMs)}`,
    `  while down: its list answered HTTP ${f.whileDown.codes || "-"} (${f.whileDown.served} of ${f.whileDown.calls} with containers); merged lists still holding its containers ${f.mergedStale}, not naming it in errors ${f.mergedUnnamed}`,
    `  back: listed like the engine ${msText(f.reconciledMs)} after its _ping answered (${f.reconcileNote ?? "-"}); host:status up on all clients ${msText(f.upSocketMs)} after _ping`,
    `  sockets: ${f.sockets.disconnects} disconnects, tabs' websockets closed ${f.browser.socketCloses}, longest pause of a stats stream on another host ${msText(f.sockets.longestStatsPauseMs)}`,
  ];
  for (const g of [...f.lists.gaps, ...f.merged.gaps, ...f.browser.gaps, ...f.sockets.statsGaps].slice(0, 20))
    lines.push(`  gap: ${g}`);
  for (const u of f.sockets.unsubscribed) lines.push(`  gap: a stats stream never opened: ${u}`);
  if (f.sockets.refusals.length)
    lines.push(
      `  before the kill, stats:subscribe was refused ${f.sockets.refusals.length} times: ${f.sockets.refusals.slice(0, 3).join("; ")}`,
    );
  return lines;
}

/** Hosts that dropped out though nobody killed them, and list calls the figures had to leave out. */
export function healthLines(flaps: readonly StatusChange[], listFailures: readonly string[]): string[] {
  return [
    `hosts reported down without being killed: ${flaps.length} (target 0)`,
    ...flaps.slice(0, 10).map((f) => `  ${f.hostId} ${f.status}: ${f.error ?? "-"}`),
    `list pairs left out of P1′ and the merged list because a call failed: ${listFailures.length}`,
    ...listFailures.slice(0, 10).map((f) => `  ${f}`),
  ];
}
