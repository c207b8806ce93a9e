"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { textareaClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import type { ContainerSpecView } from "@/lib/container-spec/api-types";

/**
 * Copies the container as a `docker run` line. Where the clipboard is refused (plain http on a
 * remote address, or a denied permission) the line opens in a dialog, selected, to copy by hand.
 */
export function CopyDockerRunButton({ hostId, id }: { hostId: string; id: string }) {
  const t = useTranslations("create.copy");
  const errorLine = useErrorLine();
  const qc = useQueryClient();
  const toast = useToast();
  const [state, setState] = useState<"idle" | "busy" | "copied">("idle");
  const [fallback, setFallback] = useState<string>();
  const copy = async () => {
    setState("busy");
    let line: string;
    try {
      const r = await qc.fetchQuery({
        queryKey: queryKeys.containerSpec(hostId, id),
        queryFn: () =>
          api<ContainerSpecView>(
            `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(id)}/spec`,
          ),
        staleTime: 0,
      });
      line = r.dockerRun;
    } catch (e) {
      setState("idle");
      return toast("error", t("readFailed"), errorLine(e));
    }
    try {
      await navigator.clipboard.writeText(line);
      setState("copied");
      toast("ok", t("copiedToast"), line);
      setTimeout(() => setState("idle"), 2000);
    } catch {
      setState("idle");
      setFallback(line);
    }
  };
  return (
    <>
      <Button size="sm" onClick={() => void copy()} disabled={state === "busy"} data-testid="copy-docker-run">
        {state === "copied" ? t("copied") : state === "busy" ? "…" : t("button")}
      </Button>
      {fallback !== undefined && (
        <ConfirmDialog
          open
          title={t("dialogTitle")}
          confirmLabel={t("done")}
          onConfirm={() => setFallback(undefined)}
          onCancel={() => setFallback(undefined)}
        >
          <p className="mb-2">{t("refused")}</p>
          <textarea
            readOnly
            aria-label={t("label")}
            className={`${textareaClass} h-32 w-full font-mono text-xs text-fg`}
            value={fallback}
            ref={(el) => el?.select()}
            data-testid="docker-run-fallback"
          />
        </ConfirmDialog>
      )}
    </>
  );
}
