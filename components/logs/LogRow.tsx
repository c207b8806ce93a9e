"use client";
import { useTranslations } from "next-intl";
import { memo, useMemo, type ReactNode } from "react";
import { ansiCss, parseAnsi } from "@/lib/ansi";
import { BUFFER_LINES, type LogEntry, type LogMarker } from "./log-buffer";
import { matchRanges, splitByRanges } from "./log-search";

/** Distinct tag colours for the containers of a merged view; readable on both themes. */
export const SOURCE_COLOURS = [
  "#268bd2",
  "#d33682",
  "#2aa198",
  "#b58900",
  "#6c71c4",
  "#cb4b16",
  "#859900",
  "#dc322f",
];

export const ROW_HEIGHT = 18;

export interface RowProps {
  entry: LogEntry;
  top: number;
  showTs: boolean;
  /** Set in merged views: the container's name. */
  tag?: string;
  search?: RegExp;
  current: boolean;
}

/** A terminal overwrites a line at each CR; show what it would end up showing. */
const afterLastCr = (text: string) => {
  const cr = text.lastIndexOf("\r");
  return cr < 0 || cr === text.length - 1 ? text : text.slice(cr + 1);
};

/** The line's ANSI segments, with search hits marked inside them. */
function renderText(text: string, search: RegExp | undefined): ReactNode[] {
  const segments = parseAnsi(afterLastCr(text));
  const plain = segments.map((s) => s.text).join("");
  const ranges = matchRanges(plain, search);
  const out: ReactNode[] = [];
  let offset = 0;
  segments.forEach((seg, i) => {
    const pieces = ranges.length ? splitByRanges(seg.text, offset, ranges) : [{ text: seg.text, hit: false }];
    pieces.forEach((p, j) => {
      const key = `${i}.${j}`;
      const style = ansiCss(seg.style);
      out.push(
        p.hit ? (
          <mark key={key} style={style} className="rounded-sm bg-warn/40 text-inherit" data-testid="log-hit">
            {p.text}
          </mark>
        ) : (
          <span key={key} style={style}>
            {p.text}
          </span>
        ),
      );
    });
    offset += seg.text.length;
  });
  return out;
}

/** A marker's message in the user's language; the server's own words, when it gave any, verbatim. */
function MarkerText({ marker }: { marker: LogMarker }) {
  const t = useTranslations("logs");
  switch (marker.kind) {
    case "skipped":
      return t("marker.skipped", { count: marker.count });
    case "dropped":
      return t("marker.dropped", { count: marker.count, max: BUFFER_LINES });
    case "reconnected":
      return t("marker.reconnected");
    case "stream": {
      const state = t(`streamState.${marker.state}`);
      return marker.message
        ? t("marker.streamWith", { state, message: marker.message })
        : t("marker.stream", { state });
    }
  }
}

export const LogRow = memo(function LogRow({ entry, top, showTs, tag, search, current }: RowProps) {
  const t = useTranslations("logs");
  const body = useMemo(() => renderText(entry.text, search), [entry.text, search]);
  const base = "absolute left-0 flex min-w-full items-center gap-2 pr-3 pl-2 whitespace-pre";
  if (entry.kind === "marker") {
    return (
      <div
        className={`${base} text-muted italic`}
        style={{ top, height: ROW_HEIGHT }}
        data-testid="log-marker"
      >
        {tag && <span className="font-semibold not-italic">{tag}</span>}
        {entry.marker ? <MarkerText marker={entry.marker} /> : entry.text}
      </div>
    );
  }
  const stderr = entry.stream === "stderr";
  return (
    <div
      className={`${base} ${stderr ? "bg-bad/5" : ""} ${current ? "bg-accent/15" : ""}`}
      style={{ top, height: ROW_HEIGHT, boxShadow: stderr ? "inset 2px 0 0 var(--bad)" : undefined }}
      data-testid="log-line"
      data-stream={entry.stream}
      data-current={current || undefined}
    >
      {showTs && (
        <span className="shrink-0 text-muted tabular-nums" title={entry.ts}>
          {entry.ts ? `${entry.ts.slice(0, 10)} ${entry.ts.slice(11, 23)}` : "—".padEnd(23)}
        </span>
      )}
      {tag !== undefined && (
        <span
          className="w-32 shrink-0 truncate font-semibold"
          style={{ color: colourOf(entry.source) }}
          title={tag}
        >
          {tag}
        </span>
      )}
      {stderr && (
        <span className="shrink-0 text-[10px] font-semibold text-bad" title={t("stderr")}>
          {t("stderrTag")}
        </span>
      )}
      <span className="text-fg">{body}</span>
    </div>
  );
});

export const colourOf = (source: number) => SOURCE_COLOURS[source % SOURCE_COLOURS.length];
