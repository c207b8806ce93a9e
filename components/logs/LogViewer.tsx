"use client";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { logsRefOf, type LogTarget } from "@/components/logs/log-target";
import { useLogStream, type LogRange, type LogSource } from "@/components/logs/useLogStream";
import { BUFFER_LINES, type LogEntry } from "./log-buffer";
import { compileSearch, entryMatches, findMatch } from "./log-search";
import { LogList } from "./LogList";
import { colourOf } from "./LogRow";
import { LogToolbar } from "./LogToolbar";

/** The first row once the buffer is full: what scrolled out of it. */
const droppedMarker = (count: number): LogEntry => ({
  seq: 0,
  kind: "marker",
  source: -1,
  text: "",
  plain: "",
  marker: { kind: "dropped", count },
  at: "",
});

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");

export const downloadHref = (s: LogTarget & { id?: string }, range: LogRange) => {
  const q = new URLSearchParams({ timestamps: "1" });
  if (range.tail !== undefined) q.set("tail", String(range.tail));
  if (range.since !== undefined) q.set("since", String(range.since));
  const host = `/api/v1/hosts/${encodeURIComponent(s.hostId)}`;
  const ref = logsRefOf(s, s.id);
  // A service's download has no end time: it is the swarm's merged text, as `docker service logs` gives it.
  if (ref.serviceId !== undefined)
    return `${host}/swarm/services/${encodeURIComponent(ref.serviceId)}/logs?${q}`;
  if (range.until !== undefined) q.set("until", String(range.until));
  return `${host}/containers/${encodeURIComponent(ref.containerId)}/logs?${q}`;
};

function SourceChips({ sources, range }: { sources: LogSource[]; range: LogRange }) {
  const t = useTranslations("logs");
  return (
    <div
      className="flex flex-wrap gap-2 border-b border-line bg-panel px-3 py-1 text-xs"
      data-testid="log-sources"
    >
      {sources.map((s, i) => (
        <span key={`${s.hostId}/${s.containerId}`} className="flex items-center gap-1" title={s.error}>
          <span className="inline-block size-2 rounded-full" style={{ background: colourOf(i) }} />
          <span className="font-medium">{s.name ?? s.containerId}</span>
          <span className="text-muted">{s.hostId}</span>
          <span className={s.state === "error" || s.state === "ended" ? "text-bad" : "text-muted"}>
            {s.state === "live" ? "" : t(`sourceState.${s.state}`)}
          </span>
          {s.id && (
            <a
              className="text-accent hover:underline"
              href={downloadHref(s, range)}
              title={t("toolbar.downloadOne", { name: s.name ?? s.containerId })}
              download
            >
              ↓
            </a>
          )}
        </span>
      ))}
    </div>
  );
}

/**
 * Live logs of one container, or of several merged by time with each line tagged. Keys: `/` search,
 * `n` / `N` next and previous match, `End` follow again.
 */
export function LogViewer({
  targets,
  merged = false,
  className = "",
}: {
  targets: LogTarget[];
  merged?: boolean;
  /** Its height: the list fills it. */
  className?: string;
}) {
  const t = useTranslations("logs");
  const [range, setRange] = useState<LogRange>({ tail: 1000 });
  const { buffer, version, sources } = useLogStream(targets, range, merged);
  const [query, setQuery] = useState("");
  const [filterOnly, setFilterOnly] = useState(false);
  const [showTs, setShowTs] = useState(false);
  const [follow, setFollow] = useState(true);
  const [currentSeq, setCurrentSeq] = useState<number>();
  const [reveal, setReveal] = useState<{ index: number }>();
  const searchRef = useRef<HTMLInputElement>(null);

  const search = useMemo(() => compileSearch(query), [query]);
  const rows = useMemo(
    () => {
      const shown =
        filterOnly && search.re
          ? buffer.entries.filter((e) => entryMatches(e, search.re as RegExp))
          : buffer.entries;
      return buffer.droppedOlder ? [droppedMarker(buffer.droppedOlder), ...shown] : shown;
    },
    // The buffer changes in place; its version says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, buffer, filterOnly, search],
  );
  const matches = useMemo(
    () =>
      search.re ? buffer.entries.reduce((n, e) => n + (entryMatches(e, search.re as RegExp) ? 1 : 0), 0) : 0,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, buffer, search],
  );
  const current = currentSeq === undefined ? -1 : rows.findIndex((r: LogEntry) => r.seq === currentSeq);

  const jump = (dir: 1 | -1) => {
    const i = findMatch(rows, search.re, current, dir);
    if (i < 0) return;
    setFollow(false);
    setCurrentSeq(rows[i]?.seq);
    setReveal({ index: i });
  };
  const jumpRef = useRef(jump);
  useLayoutEffect(() => {
    jumpRef.current = jump;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === "n" || e.key === "N") {
        e.preventDefault();
        jumpRef.current(e.key === "n" ? 1 : -1);
      } else if (e.key === "End") {
        e.preventDefault();
        setFollow(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const single = !merged ? sources[0] : undefined;
  const lines = buffer.entries.length;
  return (
    <div className={`flex min-h-80 flex-col ${className}`} data-testid="log-viewer">
      <LogToolbar
        searchRef={searchRef}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setCurrentSeq(undefined);
        }}
        searchError={search.error}
        matches={matches}
        onJump={jump}
        filterOnly={filterOnly}
        onFilterOnly={setFilterOnly}
        showTs={showTs}
        onShowTs={setShowTs}
        range={range}
        onRange={setRange}
        follow={follow}
        onFollow={setFollow}
        downloadHref={single?.id ? downloadHref(single, range) : undefined}
      />
      {merged && <SourceChips sources={sources} range={range} />}
      <LogList
        rows={rows}
        version={version}
        follow={follow}
        onFollowChange={setFollow}
        showTs={showTs}
        tags={merged ? sources.map((s) => s.name ?? s.containerId) : undefined}
        search={search.re}
        current={current}
        reveal={reveal}
      />
      <footer
        className="flex gap-3 border-t border-line px-3 py-1 text-[11px] text-muted"
        data-testid="log-status"
      >
        <span>
          {filterOnly && search.re
            ? t("status.linesShown", { count: lines, shown: rows.length })
            : t("status.lines", { count: lines })}
        </span>
        <span>{follow ? t("status.following") : t("status.paused")}</span>
        {buffer.skipped > 0 && (
          <span className="text-warn" data-testid="log-skipped">
            {t("status.skipped", { count: buffer.skipped })}
          </span>
        )}
        {buffer.droppedOlder > 0 && (
          <span data-testid="log-dropped">
            {t("status.dropped", { count: buffer.droppedOlder, max: BUFFER_LINES })}
          </span>
        )}
        {single && single.state !== "live" && (
          <span className={single.state === "error" || single.state === "ended" ? "text-bad" : ""}>
            {single.state === "error"
              ? t("status.cannotFollow", { error: single.error ?? "" })
              : t(`sourceState.${single.state}`)}
          </span>
        )}
        <span className="ml-auto">{t("status.keys")}</span>
      </footer>
    </div>
  );
}
