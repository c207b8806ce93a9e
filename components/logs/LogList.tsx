"use client";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { LogEntry } from "./log-buffer";
import { LogRow, ROW_HEIGHT } from "./LogRow";

const OVERSCAN = 20;

export interface LogListProps {
  rows: readonly LogEntry[];
  /** Bumped whenever rows change, even in place. */
  version: number;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  showTs: boolean;
  /** Tags for merged views, by source index. */
  tags?: readonly string[];
  search?: RegExp;
  current: number;
  /** Scroll so that this row shows; a new object each time it is asked. */
  reveal?: { index: number };
}

/**
 * A virtualized list: only the rows in view (plus a margin) are in the DOM, so 10,000 lines cost as
 * much as 60. While following, it sticks to the bottom; scrolling up stops following, and returning
 * to the bottom starts it again. When not following, the rows in view stay put as older ones are
 * dropped from the top.
 */
export function LogList(p: LogListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const anchor = useRef<{ seq: number; offset: number } | undefined>(undefined);
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let target: number | undefined;
    if (p.follow) target = el.scrollHeight - el.clientHeight;
    else if (anchor.current) {
      const a = anchor.current;
      const i = p.rows.findIndex((r) => r.seq === a.seq);
      if (i >= 0) target = i * ROW_HEIGHT + a.offset;
    }
    // Only a real change fires a scroll event, which must not count as the user's.
    if (target !== undefined && Math.abs(el.scrollTop - target) >= 1) {
      programmatic.current = true;
      el.scrollTop = target;
    }
  }, [p.version, p.rows, p.follow]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !p.reveal) return;
    const y = p.reveal.index * ROW_HEIGHT;
    if (y < el.scrollTop || y + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    }
  }, [p.reveal]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
    const first = Math.floor(el.scrollTop / ROW_HEIGHT);
    const row = p.rows[first];
    anchor.current = row ? { seq: row.seq, offset: el.scrollTop - first * ROW_HEIGHT } : undefined;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    if (atBottom !== p.follow) p.onFollowChange(atBottom);
  };

  const start = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(p.rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const shown = [];
  for (let i = start; i < end; i++) {
    const e = p.rows[i] as LogEntry;
    shown.push(
      <LogRow
        key={e.seq}
        entry={e}
        top={i * ROW_HEIGHT}
        showTs={p.showTs}
        tag={p.tags ? (p.tags[e.source] ?? "") : undefined}
        search={p.search}
        current={i === p.current}
      />,
    );
  }

  return (
    <div
      ref={ref}
      onScroll={onScroll}
      className="min-h-0 flex-1 overflow-auto bg-panel font-mono text-xs leading-[18px]"
      data-testid="log-list"
      data-follow={p.follow}
      tabIndex={0}
    >
      <div className="relative" style={{ height: p.rows.length * ROW_HEIGHT }}>
        {shown}
      </div>
    </div>
  );
}
