"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { DetailSection, KV } from "@/components/ui/DetailSection";
import { IntentLink } from "@/components/ui/IntentLink";
import { QueryGate } from "@/components/ui/QueryGate";
import { useToast } from "@/components/ui/Toasts";
import { joinArgs } from "@/components/create/argv";
import { LogViewer } from "@/components/logs/LogViewer";
import type { LogTarget } from "@/components/logs/log-target";
import { LabelChips } from "./LabelChips";
import { PolicyView } from "./PolicyView";
import { serviceLogsPath, useRollbackService, useServiceQuery, type ServiceDetail } from "./queries";
import { RemoveServiceDialog } from "./RemoveServiceDialog";
import { ReplicaBar } from "./ReplicaBar";
import { rolloutOf } from "./rollout";
import { RolloutProgress } from "./RolloutProgress";
import { TaskTable } from "./TaskTable";
import { TransitionList } from "./TransitionList";
import { UpdateServiceForm } from "./UpdateServiceForm";
import { UpdateStatusBadge } from "./UpdateStatusBadge";
import { useNodeNames } from "./useNodeNames";
import { useTaskTransitions } from "./useTaskTransitions";

/** One service: its spec, its tasks with their history, and a rolling update followed live. */
export function ServiceDetailPanel({ hostId, serviceId }: { hostId: string; serviceId: string }) {
  const t = useTranslations("swarm.detail");
  const query = useServiceQuery(hostId, serviceId);
  return (
    <QueryGate query={query} loading={t("loading")} failed={t("failed", { name: serviceId })}>
      {(s) => <ServiceDetail hostId={hostId} service={s} />}
    </QueryGate>
  );
}

function ServiceDetail({ hostId, service: s }: { hostId: string; service: ServiceDetail }) {
  const t = useTranslations("swarm.detail");
  const ts = useTranslations("swarm.services");
  const router = useRouter();
  const toast = useToast();
  const errorLine = useErrorLine();
  const canOperate = useCan("operate");
  const nodeName = useNodeNames(hostId);
  const transitions = useTaskTransitions(hostId, s.id);
  const rollback = useRollbackService(hostId, s.id);
  const [removing, setRemoving] = useState(false);
  const rollout = rolloutOf(s, s.tasks);
  // Counted from the tasks the detail carries, the same reading as the task table below.
  const running = s.tasks.filter((x) => x.desiredState === "running" && x.state === "running").length;
  return (
    <div className="flex flex-col gap-3 p-3" data-testid="service-detail">
      <div className="flex flex-wrap items-center gap-3">
        <IntentLink href={`/hosts/${hostId}/swarm`} className="text-muted hover:underline">
          {t("back")}
        </IntentLink>
        <h2 className="text-base font-semibold" data-testid="service-name">
          {s.name}
        </h2>
        <ReplicaBar running={running} desired={s.replicas} />
        <UpdateStatusBadge status={s.updateStatus} />
        <span className="ml-auto flex gap-2">
          {canOperate && (
            <>
              <a
                className="rounded border border-line px-2.5 py-1 hover:bg-panel-2"
                href={serviceLogsPath(hostId, s.id)}
                download={`${s.name}.log`}
                data-testid="logs-download"
              >
                {t("logs")}
              </a>
              <Button
                disabled={!s.canRollback || rollback.isPending}
                title={s.canRollback ? undefined : t("noRollback")}
                onClick={() => {
                  transitions.clear();
                  rollback.mutate(undefined, {
                    onSuccess: () => toast("ok", t("rollbackStarted", { name: s.name })),
                    onError: (e) => toast("error", t("rollbackFailed", { name: s.name }), errorLine(e)),
                  });
                }}
              >
                {t("rollback")}
              </Button>
              <Button variant="danger" onClick={() => setRemoving(true)}>
                {t("remove")}
              </Button>
            </>
          )}
        </span>
      </div>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DetailSection title={t("rolloutTitle")} testId="rollout-section">
          <div className="flex flex-col gap-3">
            {rollout ? (
              <RolloutProgress rollout={rollout} message={s.updateStatus?.cause ?? s.updateStatus?.message} />
            ) : (
              <div className="text-muted">{t("neverUpdated")}</div>
            )}
            <TransitionList items={transitions.items} nodeName={nodeName} />
            {canOperate && <UpdateServiceForm hostId={hostId} service={s} onStart={transitions.clear} />}
          </div>
        </DetailSection>
        <div className="flex flex-col gap-3">
          <DetailSection title={t("specTitle")}>
            <KV
              rows={[
                [
                  t("image"),
                  <span key="image" className="font-mono text-xs break-all">
                    {s.image}
                  </span>,
                  "image",
                ],
                [t("mode"), ts(`modes.${s.mode}`), "mode"],
                [
                  t("command"),
                  <span key="command" className="font-mono text-xs">
                    {joinArgs([...(s.command ?? []), ...(s.args ?? [])]) || "—"}
                  </span>,
                  "command",
                ],
                [
                  t("env"),
                  <span key="env" className="font-mono text-xs whitespace-pre-wrap">
                    {s.env.join("\n") || "—"}
                  </span>,
                  "env",
                ],
                [t("labels"), <LabelChips key="labels" labels={s.labels} max={20} />, "labels"],
              ]}
            />
          </DetailSection>
          <DetailSection title={t("updateConfig")}>
            <PolicyView policy={s.updateConfig} testId="update-config" />
          </DetailSection>
          <DetailSection title={t("rollbackConfig")}>
            <PolicyView policy={s.rollbackConfig} testId="rollback-config" />
          </DetailSection>
        </div>
      </div>
      <DetailSection title={t("tasksTitle", { count: s.tasks.length })} testId="tasks-section">
        {s.tasks.length ? (
          <TaskTable tasks={s.tasks} nodeName={nodeName} />
        ) : (
          <div className="text-muted">{t("noTasks")}</div>
        )}
      </DetailSection>
      {canOperate && <ServiceLogs hostId={hostId} serviceId={s.id} />}
      {removing && (
        <RemoveServiceDialog
          hostId={hostId}
          service={s}
          onClose={() => setRemoving(false)}
          onRemoved={() => router.push(`/hosts/${hostId}/swarm`)}
        />
      )}
    </div>
  );
}

/** The service's tasks' logs, live and merged, in the viewer containers use. */
function ServiceLogs({ hostId, serviceId }: { hostId: string; serviceId: string }) {
  const t = useTranslations("swarm.detail");
  const targets = useMemo<LogTarget[]>(
    () => [{ hostId, containerId: serviceId, kind: "service" }],
    [hostId, serviceId],
  );
  return (
    <DetailSection title={t("logsTitle")} aside={t("logsHint")} testId="service-logs">
      <LogViewer targets={targets} className="h-[32rem]" />
    </DetailSection>
  );
}
