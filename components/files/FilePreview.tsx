"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { ApiError } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import type { FileEntry } from "@/lib/files/types";
import { filePaths, usePreviewQuery } from "./files-api";
import { resolveLink } from "./file-rows";
import { hexLines } from "./hex-dump";
import { previewLanguage } from "./preview-language";

const CodeView = dynamic(() => import("./CodeView"), { ssr: false });

/** A download link: the browser streams the file (or a folder's tar) straight to disk. */
export function DownloadLink({ href, label, testId }: { href: string; label: string; testId?: string }) {
  return (
    <a
      href={href}
      download
      data-testid={testId}
      className="inline-flex items-center rounded border border-line bg-panel px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
    >
      {label}
    </a>
  );
}

/**
 * One entry of the browser: its facts, a download, and for a file the first bytes, as highlighted
 * text or as hex; a file too large for a preview says so and offers the download.
 */
export function FilePreview({
  hostId,
  containerId,
  entry,
  onOpen,
}: {
  hostId: string;
  containerId: string;
  entry: FileEntry;
  /** Opens a path in the browser (a symlink's target). */
  onOpen: (path: string) => void;
}) {
  const t = useTranslations("files.preview");
  const fmt = useFormat();
  const isFile = entry.type === "file" || entry.type === "hardlink";
  const q = usePreviewQuery(hostId, containerId, isFile ? entry.path : undefined);
  const errorLine = useErrorLine();
  const owner = `${entry.uname ?? entry.uid}:${entry.gname ?? entry.gid}`;
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="file-preview">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-3 py-1.5">
        <span className="font-mono text-xs break-all" data-testid="file-preview-path">
          {entry.path}
        </span>
        <span className="text-muted">
          {t("facts", { size: fmt.bytes(entry.size), permissions: entry.permissions, owner })}
        </span>
        <span className="text-muted" title={entry.mtime}>
          {fmt.engineTime(entry.mtime)}
        </span>
        <span className="ml-auto">
          <DownloadLink
            href={filePaths.content(hostId, containerId, entry.path)}
            label={entry.type === "dir" ? t("downloadTar") : t("download")}
            testId="file-download"
          />
        </span>
      </div>
      <div className="min-h-0 flex-1">
        {entry.type === "symlink" ? (
          <StatePanel title={t("symlink", { target: entry.linkTarget ?? "" })}>
            <button
              className="underline"
              onClick={() => onOpen(resolveLink(entry.path, entry.linkTarget ?? ""))}
            >
              {t("openTarget")}
            </button>
          </StatePanel>
        ) : !isFile ? (
          <StatePanel title={entry.type === "dir" ? t("folder") : t("special", { type: entry.type })} />
        ) : q.isPending ? (
          <StatePanel tone="loading" title={t("loading")} />
        ) : q.error ? (
          q.error instanceof ApiError && q.error.status === 413 ? (
            <StatePanel title={t("tooLarge", { size: fmt.bytes(entry.size) })}>
              {t("tooLargeHint")}
            </StatePanel>
          ) : (
            <StatePanel tone="error" title={t("failed")}>
              {errorLine(q.error)}
            </StatePanel>
          )
        ) : q.data.kind === "text" ? (
          q.data.text.length === 0 ? (
            <StatePanel title={t("empty")} />
          ) : (
            <CodeView
              text={q.data.text}
              language={previewLanguage(entry.name, q.data.text.split("\n", 1)[0])}
              label={t("label", { path: entry.path })}
            />
          )
        ) : (
          <pre
            className="h-full overflow-auto p-3 font-mono text-xs leading-5"
            data-testid="file-preview-hex"
          >
            {hexLines(q.data.bytes).join("\n")}
            {q.data.bytes.length > 4096 &&
              `\n${t("hexMore", { shown: fmt.bytes(4096), size: fmt.bytes(entry.size) })}`}
          </pre>
        )}
      </div>
    </div>
  );
}
