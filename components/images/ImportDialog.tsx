"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import { ProgressBar } from "@/components/jobs/ProgressBar";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import { DialogShell, OperationFooter, type HostDialogProps } from "./DialogShell";
import { HostSelect, useTargetHost } from "./HostChecklist";
import { imagePaths, invalidateImages } from "./queries";
import { uploadFile } from "@/components/api/upload";

/** Loads images from a `docker save` tar onto one host. */
export function ImportDialog({ open, ...props }: HostDialogProps) {
  return open ? <ImportForm {...props} /> : null;
}

function loadedNames(reply: unknown): string[] {
  const r = reply as { items?: unknown; loaded?: unknown } | undefined;
  const list = Array.isArray(r?.items) ? r.items : Array.isArray(r?.loaded) ? r.loaded : [];
  return list.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
}

function ImportForm({ onClose, hostId }: Omit<HostDialogProps, "open">) {
  const { hosts, target, setTarget } = useTargetHost(hostId);
  const qc = useQueryClient();
  const t = useTranslations("images.import");
  const format = useFormat();
  const [file, setFile] = useState<File>();
  const [sent, setSent] = useState(0);
  const load = useMutation({
    mutationFn: (f: File) => uploadFile<unknown>(imagePaths.load(target), f, t("notSent"), setSent),
    onSettled: () => {
      invalidateImages(qc, target);
    },
  });
  const done = load.isSuccess;
  const names = loadedNames(load.data);
  return (
    <DialogShell
      open
      title={t("title")}
      onClose={onClose}
      testId="import-dialog"
      footer={
        <OperationFooter
          started={done}
          onClose={onClose}
          action={
            <Button
              variant="primary"
              disabled={!file || !target || load.isPending}
              onClick={() => file && load.mutate(file)}
              data-testid="import-submit"
            >
              {load.isPending ? t("loading") : t("submit")}
            </Button>
          }
        />
      }
    >
      <div className="flex flex-col gap-3">
        {!hostId && (
          <HostSelect hosts={hosts} value={target} onChange={setTarget} disabled={load.isPending} />
        )}
        <label className="flex flex-col gap-1">
          <span className="text-muted">{t("archive")}</span>
          <input
            type="file"
            accept=".tar,application/x-tar"
            disabled={load.isPending || done}
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        {file && <span className="text-muted">{format.bytes(file.size)}</span>}
        {load.isPending && (
          <div className="flex flex-col gap-1">
            <ProgressBar value={sent} label={t("upload")} />
            <span className="text-[11px] text-muted">
              {sent < 1 ? t("uploading", { percent: Math.round(sent * 100) }) : t("uploaded")}
            </span>
          </div>
        )}
        {done && (
          <div className="text-ok" data-testid="import-result">
            {names.length > 0
              ? t("loadedNames", { host: target, names: names.join(", ") })
              : t("loaded", { host: target })}
          </div>
        )}
        <FormError error={load.error} testId="dialog-error" />
      </div>
    </DialogShell>
  );
}
