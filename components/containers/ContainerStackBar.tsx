"use client";
import { useTranslations } from "next-intl";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useJobs } from "@/components/jobs/useJobs";
import { stackApi, stackHref } from "@/components/stacks/queries";
import { StackJobPanel } from "@/components/stacks/StackJobPanel";
import { useStackJobStart } from "@/components/stacks/useStackJobStart";
import { Button } from "@/components/ui/Button";
import { IntentLink } from "@/components/ui/IntentLink";
import { useToast } from "@/components/ui/Toasts";

const OPS = ["restart", "stop", "start"] as const;

/**
 * When the list shows one stack's containers and nothing else (a filter on its name or its project
 * label), that stack's everyday actions sit above the rows, run as the stack page runs them: as a
 * job, in dependency order, with its progress shown here. Deploy and down stay on the stack's page.
 */
export function ContainerStackBar({
  hostId,
  name,
  count,
  canOperate,
}: {
  hostId: string;
  name: string;
  count: number;
  canOperate: boolean;
}) {
  const t = useTranslations("containers.stackBar");
  const tAction = useTranslations("stacks.actions");
  const errorLine = useErrorLine();
  const toast = useToast();
  const jobs = useJobs(hostId);
  const { jobId, start } = useStackJobStart();
  const busy = jobs.some((j) => j.kind === "stack" && j.ref === name && j.state === "running");
  const reason = !canOperate ? tAction("viewer") : busy ? tAction("busy") : undefined;
  const run = (op: (typeof OPS)[number]) =>
    start((id) => stackApi.operate(hostId, name, op, { jobId: id })).catch((err: unknown) =>
      toast("error", t("failed", { action: tAction(op), name }), errorLine(err)),
    );
  return (
    <div
      className="flex flex-col gap-1 border-b border-line bg-panel-2 px-3 py-1"
      data-testid="container-stack-bar"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span>{t.rich("title", { name, count, b: (c) => <b className="font-medium">{c}</b> })}</span>
        <IntentLink className="text-accent hover:underline" href={stackHref({ hostId, name })}>
          {t("open")}
        </IntentLink>
        <span className="ml-auto flex gap-1">
          {OPS.map((op) => (
            <Button
              key={op}
              size="sm"
              disabled={!!reason}
              title={reason ?? tAction(`hint.${op}`)}
              onClick={() => void run(op)}
              data-testid={`stack-bar-${op}`}
            >
              {tAction(op)}
            </Button>
          ))}
        </span>
      </div>
      <StackJobPanel hostId={hostId} name={name} jobId={jobId} />
    </div>
  );
}
