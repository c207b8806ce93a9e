"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useJobs } from "@/components/jobs/useJobs";
import { DetailSection } from "@/components/ui/DetailSection";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { AdoptStackDialog } from "./AdoptStackDialog";
import { DownStackDialog } from "./DownStackDialog";
import { PlanDeployDialog } from "./PlanDeployDialog";
import { RemoveStackDialog } from "./RemoveStackDialog";
import { RevisionDiffDialog } from "./RevisionDiffDialog";
import { stackApi, useRefreshStacks, useStackQuery } from "./queries";
import { StackActions, type StackAction } from "./StackActions";
import { StackFilesSection } from "./StackFilesSection";
import { StackHeader } from "./StackHeader";
import { StackJobPanel } from "./StackJobPanel";
import { ServiceHistory } from "./ServiceHistory";
import { StackRevisionsPanel } from "./StackRevisionsPanel";
import { StackServicesTable } from "./StackServicesTable";
import { useStackJobStart } from "./useStackJobStart";
import { useStackLiveUpdates } from "./useStackLiveUpdates";

type Dialog =
  | { kind: "deploy"; revision?: number; rollback: boolean }
  | { kind: "diff"; revision: number }
  | { kind: "down" }
  | { kind: "remove" }
  | { kind: "adopt" };

/** The merged logs page takes containers as `host/id` pairs. */
const logsHref = (hostId: string, ids: string[]) =>
  `/logs?${ids.map((id) => `c=${encodeURIComponent(`${hostId}/${id}`)}`).join("&")}`;

/** One stack: its state and actions, the job under way, its services and containers, its revisions. */
export function StackPanel({ hostId, name }: { hostId: string; name: string }) {
  useStackLiveUpdates();
  const q = useStackQuery(hostId, name);
  const canOperate = useCan("operate");
  const t = useTranslations("stacks.detail");
  const tAction = useTranslations("stacks.actions");
  const errorLine = useErrorLine();
  const toast = useToast();
  const router = useRouter();
  const refresh = useRefreshStacks();
  const jobs = useJobs(hostId);
  const { jobId, start } = useStackJobStart();
  const [dialog, setDialog] = useState<Dialog>();
  const [charts, setCharts] = useState<string>();
  const close = () => setDialog(undefined);

  if (q.isPending) return <StatePanel tone="loading" title={t("loading", { name })} />;
  if (q.error) {
    return (
      <StatePanel tone="error" title={t("cannotShow", { name, hostId })}>
        {errorLine(q.error)}{" "}
        <Link className="underline" href="/stacks">
          {t("back")}
        </Link>
      </StatePanel>
    );
  }
  const { summary, services, current } = q.data;
  const busy = jobs.some((j) => j.kind === "stack" && j.ref === name && j.state === "running");
  const containerIds = services.flatMap((s) => s.containers.map((c) => c.id));
  const chartsOf = services.find((s) => s.name === charts);

  const run = (action: Exclude<StackAction, "deploy" | "remove" | "adopt">, volumes?: boolean) => {
    start((id) =>
      stackApi.operate(hostId, name, action, { jobId: id, ...(volumes !== undefined ? { volumes } : {}) }),
    ).catch((err: unknown) => toast("error", t("failed", { action: tAction(action), name }), errorLine(err)));
  };
  const onAction = (action: StackAction) => {
    if (action === "deploy") setDialog({ kind: "deploy", rollback: false });
    else if (action === "down" || action === "remove" || action === "adopt") setDialog({ kind: action });
    else run(action);
  };
  const remove = () => {
    close();
    stackApi
      .remove(hostId, name)
      .then(() => {
        refresh(hostId);
        toast("ok", t("removed", { name }));
        router.push("/stacks");
      })
      .catch((err: unknown) =>
        toast("error", t("failed", { action: tAction("remove"), name }), errorLine(err)),
      );
  };

  return (
    <div className="flex flex-col">
      <StackHeader summary={summary}>
        <StackActions summary={summary} canOperate={canOperate} busy={busy} onAction={onAction} />
      </StackHeader>
      <div className="flex flex-col gap-3 p-3">
        <StackJobPanel hostId={hostId} name={name} jobId={jobId} />
        <DetailSection
          title={t("services")}
          testId="services-section"
          aside={
            containerIds.length > 0 &&
            (canOperate ? (
              <Link
                className="text-accent hover:underline"
                href={logsHref(hostId, containerIds)}
                data-testid="stack-logs"
              >
                {t("logs", { count: containerIds.length })}
              </Link>
            ) : (
              <span className="text-muted" title={tAction("viewer")}>
                {t("logsViewer")}
              </span>
            ))
          }
        >
          <StackServicesTable hostId={hostId} services={services} charts={charts} onCharts={setCharts} />
        </DetailSection>
        {chartsOf && (
          <ServiceHistory
            hostId={hostId}
            project={name}
            service={chartsOf}
            onClose={() => setCharts(undefined)}
          />
        )}
        {summary.source === "wharf" ? (
          <DetailSection title={t("revisions")} testId="revisions-section">
            <StackRevisionsPanel
              hostId={hostId}
              name={name}
              current={current}
              canOperate={canOperate}
              busy={busy}
              onDiff={(revision) => setDialog({ kind: "diff", revision })}
              onDeploy={(revision, rollback) => setDialog({ kind: "deploy", revision, rollback })}
            />
          </DetailSection>
        ) : (
          <StackFilesSection workingDir={q.data.workingDir} configFiles={q.data.configFiles} />
        )}
      </div>
      {dialog?.kind === "deploy" && (
        <PlanDeployDialog
          hostId={hostId}
          name={name}
          revision={dialog.revision}
          mode={dialog.rollback ? "rollback" : "deploy"}
          onClose={close}
          onDeploy={(revision) =>
            start((id) =>
              stackApi.deploy(hostId, name, { jobId: id, ...(revision !== undefined ? { revision } : {}) }),
            )
          }
        />
      )}
      {dialog?.kind === "diff" && current && (
        <RevisionDiffDialog
          hostId={hostId}
          name={name}
          revision={dialog.revision}
          current={current}
          onClose={close}
        />
      )}
      {dialog?.kind === "down" && (
        <DownStackDialog
          name={name}
          hostId={hostId}
          onCancel={close}
          onConfirm={(volumes) => {
            close();
            run("down", volumes);
          }}
        />
      )}
      {dialog?.kind === "remove" && <RemoveStackDialog name={name} onCancel={close} onConfirm={remove} />}
      {dialog?.kind === "adopt" && <AdoptStackDialog hostId={hostId} name={name} onClose={close} />}
    </div>
  );
}
