"use client";
import { useTranslations } from "next-intl";
import type { PlanAction, PlanObject, StackPlan } from "@/lib/stacks/types";
import { PLAN_ACTIONS } from "@/lib/stacks/types";

const ACTION_STYLE = {
  create: "text-ok border-ok/40",
  recreate: "text-warn border-warn/40",
  update: "text-warn border-warn/40",
  keep: "text-muted border-line",
  start: "text-info border-info/40",
  restart: "text-info border-info/40",
  remove: "text-bad border-bad/40",
} as const satisfies Record<PlanAction, string>;

const OBJECT_STYLE = {
  create: "text-ok border-ok/40",
  keep: "text-muted border-line",
  external: "text-info border-info/40",
} as const satisfies Record<PlanObject["action"], string>;

const badge = "rounded border px-1 text-[11px] leading-4 whitespace-nowrap";
const head = "mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase";

/**
 * What a deploy would do, step by step: each container created, recreated, kept, started, restarted
 * or removed and why (the server's own words); the networks and volumes; the images it pulls or builds first;
 * its warnings; and how a version-1 file was converted.
 */
export function StackPlanView({ plan }: { plan: StackPlan }) {
  const t = useTranslations("stacks.plan");
  const counts = PLAN_ACTIONS.map(
    (a) => [a, plan.steps.filter((s) => s.action === a).length] as const,
  ).filter(([, n]) => n > 0);
  return (
    <div className="flex flex-col gap-3" data-testid="stack-plan">
      <div className="flex flex-wrap items-center gap-2" data-testid="plan-summary">
        {counts.length === 0 && <span className="text-muted">{t("noSteps")}</span>}
        {counts.map(([a, n]) => (
          <span key={a} className={`${badge} ${ACTION_STYLE[a]}`}>
            {t("count", { action: t(`action.${a}`), count: n })}
          </span>
        ))}
      </div>
      {plan.steps.length > 0 && (
        <table className="w-full table-fixed border-collapse" data-testid="plan-steps">
          <colgroup>
            <col className="w-36" />
            <col className="w-24" />
            <col className="w-56" />
            <col />
          </colgroup>
          <thead className="border-b border-line text-left text-muted">
            <tr>
              <th className="px-2 py-1 font-medium">{t("column.service")}</th>
              <th className="px-2 py-1 font-medium">{t("column.action")}</th>
              <th className="px-2 py-1 font-medium">
                {t(plan.orchestrator === "swarm" ? "column.swarmService" : "column.container")}
              </th>
              <th className="px-2 py-1 font-medium">{t("column.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.steps.map((s) => (
              <tr
                key={`${s.service}/${s.container}/${s.action}`}
                className="border-b border-line/60 align-top"
                data-testid={`plan-step-${s.service}`}
                data-action={s.action}
              >
                <td className="truncate px-2 py-1 font-medium">{s.service}</td>
                <td className="px-2 py-1">
                  <span className={`${badge} ${ACTION_STYLE[s.action]}`}>{t(`action.${s.action}`)}</span>
                </td>
                <td
                  className="truncate px-2 py-1 font-mono text-xs leading-5"
                  title={s.containerId ?? s.container}
                >
                  {s.container}
                </td>
                <td className="px-2 py-1 text-muted [overflow-wrap:anywhere]">{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.objects.length > 0 && (
        <section>
          <h3 className={head}>{t("objects")}</h3>
          <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="plan-objects">
            {plan.objects.map((o) => (
              <li key={`${o.kind}/${o.name}`} className="flex items-center gap-1.5">
                <span className="text-muted">{t(`kind.${o.kind}`)}</span>
                <span className="font-mono text-xs">{o.name}</span>
                <span className={`${badge} ${OBJECT_STYLE[o.action]}`}>{t(`object.${o.action}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.pulls.length > 0 && (
        <section>
          <h3 className={head}>{t("pulls")}</h3>
          <ul className="font-mono text-xs" data-testid="plan-pulls">
            {plan.pulls.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.builds.length > 0 && (
        <section>
          <h3 className={head}>{t("builds")}</h3>
          <ul className="font-mono text-xs" data-testid="plan-builds">
            {plan.builds.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.warnings.length > 0 && (
        <section>
          <h3 className={head}>{t("warnings")}</h3>
          <ul className="list-disc pl-5 text-warn" data-testid="plan-warnings">
            {plan.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.converted && (
        <section className="rounded border border-info/40 bg-info/5 p-2" data-testid="plan-converted">
          <h3 className={head}>{t("converted")}</h3>
          <p className="mb-1 text-muted">{t("convertedHint")}</p>
          <ul className="list-disc pl-5">
            {plan.converted.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <details className="mt-1">
            <summary className="cursor-pointer text-accent">{t("convertedFile")}</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-bg p-2 font-mono text-xs">
              {plan.converted.compose}
            </pre>
          </details>
        </section>
      )}
    </div>
  );
}
