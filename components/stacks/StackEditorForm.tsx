"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { ComposeOrchestrator } from "@/lib/compose/model";
import { isSwarmManager } from "@/lib/swarm/host";
import type { EditorJump } from "./ComposeEditor";
import type { StackIssue } from "./compose-issues";
import { NewStackFields } from "./NewStackFields";
import { stackHref } from "./queries";
import { StackIssueList } from "./StackIssueList";
import { StackJobPanel } from "./StackJobPanel";
import { StackPlanView } from "./StackPlanView";
import { StackTextEditors } from "./StackTextEditors";
import { useStackDraft, type SavedRevision } from "./useStackDraft";

/**
 * The stack editor: the compose file and its `.env` side by side, the server's findings in both and
 * listed below, then the plan and the deploy's live progress. A new stack also takes a host and a name.
 */
export function StackEditorForm({
  saved,
  canOperate,
}: {
  /** The stack's current revision when editing; none for a new stack. */
  saved?: SavedRevision;
  canOperate: boolean;
}) {
  const t = useTranslations("stacks.editor");
  const hosts = useHostsQuery();
  const draft = useStackDraft({ compose: saved?.compose ?? "", env: saved?.env ?? "", saved });
  const [hostId, setHostId] = useState<string>();
  const [name, setName] = useState("");
  const [orchestrator, setOrchestrator] = useState<ComposeOrchestrator>("compose");
  const [jump, setJump] = useState<{ compose?: EditorJump; env?: EditorJump }>({});
  const planRef = useRef<HTMLElement>(null);
  const firstUp = hosts.data?.items.find((h) => h.status === "up")?.id;
  const stored = draft.saved;
  const host = stored?.hostId ?? hostId ?? firstUp ?? "";
  const onSwarm = isSwarmManager(hosts.data?.items.find((h) => h.id === host));
  const runsAs = onSwarm ? orchestrator : "compose";
  const target = stored ? { ...stored, orchestrator: runsAs } : { hostId: host, name, orchestrator: runsAs };
  const nameInvalid = draft.issues.some((i) => i.path === "name");

  // A new plan is what the user asked to see: bring it into view.
  const plan = draft.plan;
  useEffect(() => {
    if (plan) planRef.current?.scrollIntoView({ block: "nearest" });
  }, [plan]);

  const reason = !canOperate ? t("viewer") : draft.pending ? t("busy") : undefined;
  const missing = !target.hostId || !target.name || !draft.compose.trim();
  const pick = (i: StackIssue) => {
    if (i.line === undefined || !i.file) return;
    const file = i.file;
    setJump((j) => ({ ...j, [file]: { line: i.line ?? 1, col: i.col, n: (j[file]?.n ?? 0) + 1 } }));
  };

  return (
    <div className="flex flex-col gap-3 p-3">
      <div className="flex flex-wrap items-end gap-3">
        {!saved && (
          <NewStackFields
            hosts={hosts.data?.items ?? []}
            target={target}
            onHost={setHostId}
            onName={setName}
            onOrchestrator={setOrchestrator}
            disabled={!!stored || !canOperate}
            nameInvalid={nameInvalid}
          />
        )}
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          <span className="text-muted">{t("message")}</span>
          <input
            className={inputClass}
            value={draft.message}
            onChange={(e) => draft.setMessage(e.target.value)}
            placeholder={t("messagePlaceholder")}
            maxLength={500}
            disabled={!canOperate}
            data-testid="stack-message"
          />
        </label>
        <div className="flex items-center gap-2">
          <Button
            disabled={!!reason || missing}
            title={reason ?? (draft.dirty ? t("savePlanHint") : t("planHint"))}
            onClick={() => void draft.planIt(target)}
            data-testid="stack-plan-button"
          >
            {draft.pending === "plan" ? t("planning") : draft.dirty ? t("savePlan") : t("plan")}
          </Button>
          <Button
            variant="primary"
            disabled={!!reason || missing}
            title={reason ?? (draft.dirty ? t("saveDeployHint") : t("deployHint"))}
            onClick={() => void draft.deployIt(target)}
            data-testid="stack-deploy-button"
          >
            {draft.pending === "deploy"
              ? t("deploying")
              : draft.dirty || !stored
                ? t("saveDeploy")
                : t("deploy", { revision: stored.revision })}
          </Button>
        </div>
      </div>
      <div className="text-[11px] text-muted" data-testid="stack-saved">
        {stored
          ? draft.dirty
            ? t("unsaved", { revision: stored.revision })
            : t("saved", { revision: stored.revision })
          : t("newHint")}
        {!canOperate && <span className="ml-2 text-warn">{t("viewer")}</span>}
      </div>
      <StackTextEditors
        compose={draft.compose}
        env={draft.env}
        onCompose={draft.setCompose}
        onEnv={draft.setEnv}
        issues={draft.issues}
        jump={jump}
        readOnly={!canOperate}
      />
      <StackIssueList issues={draft.issues} onPick={pick} />
      {draft.error !== undefined && draft.issues.length === 0 && <ErrorNotice error={draft.error} />}
      {draft.error !== undefined && draft.issues.length > 0 && (
        <div className="text-[11px] text-muted">{t("issuesHint")}</div>
      )}
      {draft.plan && stored && (
        <section ref={planRef} className="rounded border border-line bg-panel" data-testid="editor-plan">
          <h2 className="flex items-center gap-2 border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
            {t("planTitle", { revision: draft.plan.revision })}
            <Link
              className="ml-auto font-normal tracking-normal text-accent normal-case hover:underline"
              href={stackHref(stored)}
              data-testid="open-stack"
            >
              {t("openStack", { name: stored.name })}
            </Link>
          </h2>
          <div className="p-3">
            <StackPlanView plan={draft.plan.plan} />
          </div>
        </section>
      )}
      {stored && <StackJobPanel hostId={stored.hostId} name={stored.name} jobId={draft.jobId} />}
    </div>
  );
}
