"use client";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import { VirtualBody } from "@/components/ui/VirtualBody";
import type { FileEntry } from "@/lib/files/types";
import { parentPath } from "@/lib/files/path";
import { crumbs, fileRows, type FileSort, type FileSortKey } from "./file-rows";
import { filePaths, useFolderQuery } from "./files-api";
import { DownloadLink, FilePreview } from "./FilePreview";
import { UploadControl } from "./UploadControl";

const TYPE_MARK: Record<FileEntry["type"], string> = {
  dir: "📁",
  file: "",
  symlink: "↪",
  hardlink: "⇔",
  "char-device": "c",
  "block-device": "b",
  fifo: "|",
  socket: "=",
  other: "?",
};

/**
 * The container's own filesystem, one folder at a time, read through the engine's archive calls:
 * no command runs in the container, so it works on a stopped one and on an image without a shell.
 * A folder opens on a click; a file shows its preview beside the list.
 */
export function FilesTab({
  hostId,
  containerId,
  initialPath = "/",
}: {
  hostId: string;
  containerId: string;
  initialPath?: string;
}) {
  const t = useTranslations("files");
  const fmt = useFormat();
  const errorLine = useErrorLine();
  const canOperate = useCan("operate");
  const [path, setPath] = useState(initialPath);
  const [selected, setSelected] = useState<FileEntry>();
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<FileSort>({ key: "name", dir: "asc" });
  const q = useFolderQuery(hostId, containerId, path);
  const scroll = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => fileRows(q.data?.items ?? [], filter, sort), [q.data, filter, sort]);
  // A path that is a file opens its folder with the file shown.
  const listing = q.data;
  const open = (p: string) => {
    setPath(p);
    setSelected(undefined);
    setFilter("");
  };
  const onRow = (e: FileEntry) => (e.type === "dir" ? open(e.path) : setSelected(e));
  const head = (key: FileSortKey, label: string, className = "") => (
    <th
      className={`px-2 py-1 text-left font-medium ${className}`}
      aria-sort={sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        className="hover:text-fg"
        onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "asc" ? "desc" : "asc" }))}
      >
        {label}
        {sort.key === key ? (sort.dir === "desc" ? " ▾" : " ▴") : ""}
      </button>
    </th>
  );
  const shown = listing?.type !== undefined && listing.type !== "dir" ? listing.items[0] : selected;
  return (
    <div className="flex h-[calc(100vh-7.5rem)] min-h-[24rem] flex-col" data-testid="files-tab">
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-3 py-1.5">
        <nav
          className="flex flex-wrap items-center font-mono text-xs"
          aria-label={t("crumbs")}
          data-testid="files-crumbs"
        >
          {crumbs(path).map((c, i, all) => (
            <span key={c.path} className="flex items-center">
              {i > 1 && <span className="px-0.5 text-muted">/</span>}
              {i === all.length - 1 ? (
                <span className="font-semibold">{c.name}</span>
              ) : (
                <button className="hover:underline" onClick={() => open(c.path)}>
                  {c.name}
                </button>
              )}
            </span>
          ))}
        </nav>
        <input
          className="ml-2 h-[24px] w-48 rounded border border-line bg-bg px-1.5 text-xs"
          placeholder={t("filter")}
          aria-label={t("filter")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="files-filter"
        />
        <span className="ml-auto flex items-center gap-1.5">
          {canOperate && <UploadControl hostId={hostId} containerId={containerId} path={path} />}
          <DownloadLink
            href={filePaths.content(hostId, containerId, path)}
            label={t("downloadFolder")}
            testId="folder-download"
          />
          <DownloadLink
            href={filePaths.content(hostId, containerId, path, "zip")}
            label={t("downloadZip")}
            testId="folder-download-zip"
          />
        </span>
      </div>
      {q.isPending ? (
        <StatePanel tone="loading" title={t("loading", { path })} />
      ) : q.error ? (
        <StatePanel tone="error" title={t("failed", { path })}>
          {errorLine(q.error)}.{" "}
          {path !== "/" && (
            <button className="underline" onClick={() => open(parentPath(path))}>
              {t("up")}
            </button>
          )}
        </StatePanel>
      ) : (
        <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex min-h-0 flex-col border-r border-line">
            {listing?.truncated && (
              <div
                className="border-b border-warn/40 bg-warn/10 px-3 py-1 text-xs"
                data-testid="files-truncated"
              >
                {t("truncated", { count: listing.items.length })} {listing.message}
              </div>
            )}
            <div ref={scroll} className="min-h-0 flex-1 overflow-auto">
              <table
                className="w-full table-fixed border-collapse text-xs"
                data-testid="files-table"
                aria-rowcount={rows.length + 1}
              >
                <colgroup>
                  <col />
                  <col style={{ width: "6rem" }} />
                  <col style={{ width: "6.5rem" }} />
                  <col style={{ width: "6rem" }} />
                  <col style={{ width: "10rem" }} />
                </colgroup>
                <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
                  <tr>
                    {head("name", t("col.name"))}
                    {head("size", t("col.size"), "text-right")}
                    <th className="px-2 py-1 text-left font-medium">{t("col.mode")}</th>
                    <th className="px-2 py-1 text-left font-medium">{t("col.owner")}</th>
                    {head("mtime", t("col.modified"))}
                  </tr>
                </thead>
                {path !== "/" && !filter && (
                  <tbody>
                    <tr className="border-b border-line/60 hover:bg-panel-2">
                      <td colSpan={5} className="px-2 py-1">
                        <button
                          className="font-mono text-muted hover:text-fg"
                          onClick={() => open(parentPath(path))}
                          data-testid="files-up"
                        >
                          ..
                        </button>
                      </td>
                    </tr>
                  </tbody>
                )}
                <VirtualBody
                  items={rows}
                  rowKey={(e) => e.path}
                  estimateSize={25}
                  columns={5}
                  scrollRef={scroll}
                  row={(e, _i, props) => (
                    <tr
                      {...props}
                      data-testid={`file-${e.name}`}
                      data-selected={shown?.path === e.path}
                      className="cursor-pointer border-b border-line/60 hover:bg-panel-2 data-[selected=true]:bg-panel-2"
                      onClick={() => onRow(e)}
                    >
                      <td
                        className="truncate px-2 py-1 font-mono"
                        title={e.linkTarget ? `${e.name} → ${e.linkTarget}` : e.name}
                      >
                        <span className="inline-block w-4 text-muted">{TYPE_MARK[e.type]}</span>
                        <span className={e.type === "dir" ? "font-semibold" : ""}>{e.name}</span>
                        {e.linkTarget && <span className="text-muted"> → {e.linkTarget}</span>}
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums">
                        {e.type === "dir" ? "" : fmt.bytes(e.size)}
                      </td>
                      <td className="px-2 py-1 font-mono text-muted">{e.permissions}</td>
                      <td className="truncate px-2 py-1 text-muted">{`${e.uname ?? e.uid}:${e.gname ?? e.gid}`}</td>
                      <td className="truncate px-2 py-1 text-muted" title={e.mtime}>
                        {fmt.engineTime(e.mtime)}
                      </td>
                    </tr>
                  )}
                />
              </table>
              {rows.length === 0 && (
                <StatePanel title={filter ? t("noMatch", { filter }) : t("emptyFolder")}>
                  {filter ? null : canOperate ? t("emptyHint") : null}
                </StatePanel>
              )}
            </div>
            <div className="border-t border-line px-3 py-1 text-[11px] text-muted" data-testid="files-status">
              {t("status", {
                shown: rows.length,
                count: listing?.items.length ?? 0,
                scanned: fmt.bytes(listing?.scannedBytes ?? 0),
              })}
            </div>
          </div>
          <div className="min-h-[16rem] min-w-0">
            {shown ? (
              <FilePreview hostId={hostId} containerId={containerId} entry={shown} onOpen={open} />
            ) : (
              <StatePanel title={t("pick")}>{t("pickHint")}</StatePanel>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
