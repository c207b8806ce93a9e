"use client";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Button } from "@/components/ui/Button";
import { useFormat } from "@/components/i18n/useFormat";
import type { LogRange } from "@/components/logs/useLogStream";

const TAILS = [100, 1000, 10_000] as const;

/** datetime-local works in local time, without seconds' fractions. */
const toInput = (secs?: number) => {
  if (secs === undefined) return "";
  const d = new Date(secs * 1000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
};
const fromInput = (v: string) => (v ? Math.floor(new Date(v).getTime() / 1000) : undefined);

export interface ToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (q: string) => void;
  searchError?: string;
  matches: number;
  onJump: (dir: 1 | -1) => void;
  filterOnly: boolean;
  onFilterOnly: (on: boolean) => void;
  showTs: boolean;
  onShowTs: (on: boolean) => void;
  range: LogRange;
  onRange: (r: LogRange) => void;
  follow: boolean;
  onFollow: (on: boolean) => void;
  downloadHref?: string;
}

export function LogToolbar({ searchRef, ...p }: ToolbarProps) {
  const t = useTranslations("logs.toolbar");
  const format = useFormat();
  const check = "flex items-center gap-1 text-muted select-none";
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-3 py-1.5 text-xs">
      <input
        ref={searchRef}
        type="search"
        value={p.query}
        onChange={(e) => p.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") p.onJump(e.shiftKey ? -1 : 1);
          if (e.key === "Escape") e.currentTarget.blur();
        }}
        placeholder={t("search")}
        aria-label={t("searchLabel")}
        aria-invalid={!!p.searchError}
        title={p.searchError}
        className={`h-6 w-56 rounded border bg-bg px-2 font-mono ${p.searchError ? "border-bad" : "border-line"}`}
        data-testid="log-search"
      />
      <span
        className={`min-w-16 text-xs ${p.searchError ? "text-bad" : "text-muted"}`}
        data-testid="log-matches"
      >
        {p.searchError ? t("badRegex") : p.query ? t("matches", { count: p.matches }) : ""}
      </span>
      <Button size="sm" onClick={() => p.onJump(-1)} disabled={!p.matches} title={t("previous")}>
        ↑
      </Button>
      <Button
        size="sm"
        onClick={() => p.onJump(1)}
        disabled={!p.matches}
        title={t("next")}
        data-testid="log-next"
      >
        ↓
      </Button>
      <label className={check}>
        <input type="checkbox" checked={p.filterOnly} onChange={(e) => p.onFilterOnly(e.target.checked)} />
        {t("onlyMatching")}
      </label>
      <span className="mx-1 h-4 border-l border-line" />
      <label className={check}>
        <input
          type="checkbox"
          checked={p.showTs}
          onChange={(e) => p.onShowTs(e.target.checked)}
          data-testid="log-ts"
        />
        {t("timestamps")}
      </label>
      <label className={check}>
        {t("tail")}
        <select
          value={p.range.tail ?? "all"}
          onChange={(e) =>
            p.onRange({ ...p.range, tail: e.target.value === "all" ? undefined : Number(e.target.value) })
          }
          className="h-6 rounded border border-line bg-bg px-1 text-fg"
          data-testid="log-tail"
        >
          {TAILS.map((n) => (
            <option key={n} value={n}>
              {format.number(n)}
            </option>
          ))}
          <option value="all">{t("all")}</option>
        </select>
      </label>
      <label className={check}>
        {t("since")}
        <input
          type="datetime-local"
          step={1}
          value={toInput(p.range.since)}
          onChange={(e) => p.onRange({ ...p.range, since: fromInput(e.target.value) })}
          className="h-6 w-44 rounded border border-line bg-bg px-1 text-fg"
        />
      </label>
      <label className={check}>
        {t("until")}
        <input
          type="datetime-local"
          step={1}
          value={toInput(p.range.until)}
          onChange={(e) => p.onRange({ ...p.range, until: fromInput(e.target.value) })}
          className="h-6 w-44 rounded border border-line bg-bg px-1 text-fg"
        />
      </label>
      <div className="ml-auto flex items-center gap-2">
        <Button
          size="sm"
          variant={p.follow ? "default" : "primary"}
          onClick={() => p.onFollow(!p.follow)}
          title={p.follow ? t("pauseTitle") : t("followTitle")}
          data-testid="log-follow"
        >
          {p.follow ? t("pause") : t("follow")}
        </Button>
        {p.downloadHref && (
          <a
            href={p.downloadHref}
            download
            className="text-xs text-accent hover:underline"
            data-testid="log-download"
          >
            {t("download")}
          </a>
        )}
      </div>
    </div>
  );
}
