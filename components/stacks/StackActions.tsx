"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import type { StackOperation, StackSummary } from "@/lib/stacks/types";
import { buttonLink } from "./link-styles";
import { stackHref } from "./queries";

export type StackAction = StackOperation | "remove" | "adopt";

const SIMPLE = ["stop", "start", "restart", "pull"] as const;

/**
 * A stack's actions. Viewers see them disabled with the reason; a stack made elsewhere is edited and
 * deployed only once adopted, since until then Wharf keeps no file for it; while a job runs on the
 * stack, nothing else starts.
 */
export function StackActions({
  summary,
  canOperate,
  busy,
  onAction,
}: {
  summary: StackSummary;
  canOperate: boolean;
  busy: boolean;
  onAction: (action: StackAction) => void;
}) {
  const t = useTranslations("stacks.actions");
  const wharf = summary.source === "wharf";
  const reason = !canOperate ? t("viewer") : busy ? t("busy") : undefined;
  const disabled = !!reason;
  const button = (
    action: StackAction,
    label: string,
    variant: "default" | "primary" | "danger" = "default",
  ) => (
    <Button
      key={action}
      variant={variant}
      disabled={disabled}
      title={reason ?? t(`hint.${action}`)}
      onClick={() => onAction(action)}
      data-testid={`stack-${action}`}
    >
      {label}
    </Button>
  );
  return (
    <div className="flex flex-col items-end gap-1" data-testid="stack-actions">
      <div className="flex flex-wrap items-center justify-end gap-1.5">
        {wharf &&
          (canOperate ? (
            <Link href={stackHref(summary, true)} className={buttonLink} data-testid="stack-edit">
              {t("edit")}
            </Link>
          ) : (
            <Button disabled title={t("viewer")}>
              {t("edit")}
            </Button>
          ))}
        {wharf && button("deploy", t("deploy"), "primary")}
        {!wharf && button("adopt", t("adopt"))}
        {/* A swarm keeps its services' tasks running: it has no stop, start, restart or pull. */}
        {summary.orchestrator !== "swarm" && SIMPLE.map((op) => button(op, t(op)))}
        {button("down", t("down"), "danger")}
        {wharf && summary.state === "down" && button("remove", t("remove"), "danger")}
      </div>
      {!canOperate && (
        <span className="text-[11px] text-muted" data-testid="stack-viewer-note">
          {t("viewer")}
        </span>
      )}
    </div>
  );
}
