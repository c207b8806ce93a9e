"use client";
import { useTranslations } from "next-intl";
import { DialogShell } from "@/components/images/DialogShell";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useGuardedCall } from "@/components/hooks/useGuardedCall";
import { Button } from "@/components/ui/Button";
import { StatePanel } from "@/components/ui/StatePanel";
import { useStackPlanQuery } from "./queries";
import { StackPlanView } from "./StackPlanView";

/**
 * Deploy a stored revision after reading its plan: the current one, or an older one to roll back
 * to. The plan follows the host until the deploy starts; the deploy itself plans again.
 */
export function PlanDeployDialog({
  hostId,
  name,
  revision,
  mode,
  onClose,
  onDeploy,
}: {
  hostId: string;
  name: string;
  /** The stored revision to deploy; the current one when left out. */
  revision?: number;
  mode: "deploy" | "rollback";
  onClose: () => void;
  /** Starts the deploy; the dialog closes once the server has accepted it. */
  onDeploy: (revision?: number) => Promise<void>;
}) {
  const t = useTranslations("stacks.deployDialog");
  const plan = useStackPlanQuery(hostId, name, revision, true);
  const { busy, error, run } = useGuardedCall();
  const title =
    mode === "rollback"
      ? t("rollbackTitle", { name, revision: revision ?? 0 })
      : revision !== undefined
        ? t("deployRevisionTitle", { name, revision })
        : t("deployTitle", { name });
  const deploy = () =>
    run(async () => {
      await onDeploy(revision);
      onClose();
    });
  return (
    <DialogShell
      open
      wide
      title={title}
      onClose={onClose}
      testId="deploy-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button
            variant="primary"
            disabled={busy || !plan.data}
            onClick={() => void deploy()}
            data-testid="confirm-deploy"
          >
            {busy
              ? t("starting")
              : mode === "rollback"
                ? t("rollback", { revision: revision ?? 0 })
                : t("deploy")}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <p className="text-muted">{mode === "rollback" ? t("rollbackHint") : t("deployHint")}</p>
        {plan.isPending ? (
          <StatePanel tone="loading" title={t("planning")} />
        ) : plan.error ? (
          <ErrorNotice error={plan.error} />
        ) : (
          <StackPlanView plan={plan.data} />
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </DialogShell>
  );
}
