"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ApiError } from "@/components/api/client";
import { uploadFile } from "@/components/api/upload";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { UploadResult } from "@/lib/files/types";
import { queryKeys } from "@/lib/query-keys";
import { filePaths } from "./files-api";
import { tarParts } from "./tar-pack";

/** What is to be sent: one file as it is, or several (a folder) packed as a tar in the browser. */
interface Pending {
  body: Blob;
  /** One raw file's name; absent for a tar. */
  name?: string;
  count: number;
}

function pendingOf(files: readonly File[]): Pending {
  const only = files[0];
  if (files.length === 1 && only && !only.webkitRelativePath)
    return { body: only, name: only.name, count: 1 };
  const parts = tarParts(
    files.map((f) => ({
      path: f.webkitRelativePath || f.name,
      size: f.size,
      mtime: f.lastModified,
      body: f,
    })),
  );
  return { body: new Blob(parts as BlobPart[], { type: "application/x-tar" }), count: files.length };
}

/**
 * Upload files or a folder into the folder on screen, with a progress bar. Existing paths are not
 * replaced until the user confirms the list the server names; the server checks the whole upload
 * before the engine sees any of it, so a refusal changes nothing.
 */
export function UploadControl({
  hostId,
  containerId,
  path,
}: {
  hostId: string;
  containerId: string;
  path: string;
}) {
  const t = useTranslations("files.upload");
  const qc = useQueryClient();
  const toast = useToast();
  const errorLine = useErrorLine();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number>();
  const [confirm, setConfirm] = useState<{ pending: Pending; existing: string[]; count: number }>();

  const send = async (pending: Pending, overwrite: boolean) => {
    setSent(0);
    try {
      const r = await uploadFile<UploadResult>(
        filePaths.upload(hostId, containerId, path, { name: pending.name, overwrite }),
        pending.body,
        t("notSent"),
        setSent,
        "PUT",
      );
      toast("ok", t("done", { count: r.names.length, path: r.path }));
      void qc.invalidateQueries({ queryKey: queryKeys.containerFilesAll(hostId, containerId) });
      void qc.invalidateQueries({ queryKey: queryKeys.containerChanges(hostId, containerId) });
    } catch (err) {
      const details =
        err instanceof ApiError
          ? (err.details as { existing?: string[]; count?: number } | undefined)
          : undefined;
      if (err instanceof ApiError && err.status === 409 && details?.existing?.length && !overwrite) {
        setConfirm({ pending, existing: details.existing, count: details.count ?? details.existing.length });
      } else toast("error", t("failed", { reason: errorLine(err) }));
    } finally {
      setSent(undefined);
    }
  };

  const picked = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (!chosen.length) return;
    let pending: Pending;
    try {
      pending = pendingOf(chosen);
    } catch (err) {
      toast("error", t("failed", { reason: err instanceof Error ? err.message : String(err) }));
      return;
    }
    void send(pending, false);
  };

  return (
    <span className="flex items-center gap-1.5">
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="upload-files-input"
        onChange={(e) => {
          picked(e.target.files);
          e.target.value = "";
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="upload-folder-input"
        // A folder picker: every file under it, each with its path relative to the folder chosen.
        {...{ webkitdirectory: "" }}
        onChange={(e) => {
          picked(e.target.files);
          e.target.value = "";
        }}
      />
      {sent !== undefined ? (
        <span className="flex items-center gap-1.5" data-testid="upload-progress">
          <progress className="h-1.5 w-28" value={sent} max={1} aria-label={t("progress")} />
          <span className="tabular-nums text-muted">{Math.round(sent * 100)} %</span>
        </span>
      ) : (
        <>
          <Button size="sm" onClick={() => files.current?.click()} data-testid="upload-files">
            {t("files")}
          </Button>
          <Button size="sm" onClick={() => folder.current?.click()} data-testid="upload-folder">
            {t("folder")}
          </Button>
        </>
      )}
      <ConfirmDialog
        open={!!confirm}
        title={t("replaceTitle", { count: confirm?.count ?? 0 })}
        confirmLabel={t("replace")}
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => {
          const c = confirm;
          setConfirm(undefined);
          if (c) void send(c.pending, true);
        }}
      >
        <ul className="max-h-48 overflow-auto font-mono text-xs" data-testid="upload-existing">
          {confirm?.existing.slice(0, 50).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        {confirm && confirm.count > 50 && (
          <div className="text-muted">{t("andMore", { count: confirm.count - 50 })}</div>
        )}
      </ConfirmDialog>
    </span>
  );
}
