"use client";
import { useTranslations } from "next-intl";
import { DialogShell } from "@/components/images/DialogShell";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";
import { StatePanel } from "@/components/ui/StatePanel";
import type { StackRevision } from "@/lib/stacks/types";
import { LineDiffView } from "./LineDiffView";
import { useStackRevisionQuery } from "./queries";

/** What changed from an older revision to the current file, in the compose file and in the `.env`. */
export function RevisionDiffDialog({
  hostId,
  name,
  revision,
  current,
  onClose,
}: {
  hostId: string;
  name: string;
  revision: number;
  current: StackRevision;
  onClose: () => void;
}) {
  const t = useTranslations("stacks.diff");
  const old = useStackRevisionQuery(hostId, name, revision);
  const head = "mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase";
  return (
    <DialogShell
      open
      wide
      title={t("title", { revision, current: current.revision })}
      onClose={onClose}
      testId="diff-dialog"
      footer={<Button onClick={onClose}>{t("close")}</Button>}
    >
      {old.isPending ? (
        <StatePanel tone="loading" title={t("loading", { revision })} />
      ) : old.error ? (
        <ErrorNotice error={old.error} />
      ) : (
        <div className="flex flex-col gap-3">
          <section>
            <h3 className={head}>{t("compose")}</h3>
            <LineDiffView before={old.data.compose} after={current.compose} testId="diff-compose" />
          </section>
          <section>
            <h3 className={head}>{t("env")}</h3>
            <LineDiffView before={old.data.env} after={current.env} testId="diff-env" />
          </section>
        </div>
      )}
    </DialogShell>
  );
}
