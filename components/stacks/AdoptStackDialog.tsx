"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DialogShell } from "@/components/images/DialogShell";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useGuardedCall } from "@/components/hooks/useGuardedCall";
import { Button } from "@/components/ui/Button";
import { revisionNumber, stackApi, useRefreshStacks, type StackSaved } from "./queries";
import { StackPlanView } from "./StackPlanView";

/**
 * Adopt a project made elsewhere: Wharf stores a file for it (its own, or one written from its
 * containers) as revision 1 and shows what a deploy would do. Nothing is deployed.
 */
export function AdoptStackDialog({
  hostId,
  name,
  onClose,
}: {
  hostId: string;
  name: string;
  onClose: () => void;
}) {
  const t = useTranslations("stacks.adopt");
  const refresh = useRefreshStacks();
  const { busy, error, run } = useGuardedCall();
  const [done, setDone] = useState<StackSaved & { from: "files" | "containers" }>();
  const adopt = () =>
    run(async () => {
      setDone(await stackApi.adopt(hostId, name));
      refresh(hostId);
    });
  return (
    <DialogShell
      open
      wide
      title={done ? t("doneTitle", { name }) : t("title", { name })}
      onClose={onClose}
      testId="adopt-dialog"
      footer={
        done ? (
          <Button variant="primary" onClick={onClose}>
            {t("close")}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button
              variant="primary"
              disabled={busy}
              onClick={() => void adopt()}
              data-testid="confirm-adopt"
            >
              {busy ? t("adopting") : t("confirm")}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div className="flex flex-col gap-3">
          <p>
            {t(done.from === "files" ? "fromFiles" : "fromContainers", {
              revision: revisionNumber(done.revision),
            })}
          </p>
          <StackPlanView plan={done.plan} />
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <p>{t("body", { host: hostId })}</p>
          <p className="text-muted">{t("nothingDeployed")}</p>
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      )}
    </DialogShell>
  );
}
