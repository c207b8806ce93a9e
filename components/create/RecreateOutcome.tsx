import type { RecreateStep } from "./queries";

const stepsOf = (details: unknown): RecreateStep[] => {
  const steps = (details as { steps?: unknown } | undefined)?.steps;
  return Array.isArray(steps) ? (steps as RecreateStep[]) : [];
};
const restoredOf = (details: unknown): boolean | undefined => {
  const r = (details as { restored?: unknown } | undefined)?.restored;
  return typeof r === "boolean" ? r : undefined;
};

/** A failed create or recreate: the server's message, and for a recreate what became of the old container. */
export function RecreateOutcome({
  recreate,
  message,
  details,
}: {
  recreate: boolean;
  message: string;
  details?: unknown;
}) {
  const steps = stepsOf(details);
  const restored = restoredOf(details);
  return (
    <div className="rounded border border-bad/50 bg-bad/10 px-3 py-2" role="alert" data-testid="submit-error">
      <div className="font-medium text-bad">{recreate ? "Recreate failed" : "Create failed"}</div>
      <div className="font-mono text-xs break-words whitespace-pre-wrap">{message}</div>
      {recreate && (
        <div className="mt-1" data-testid="restore-state">
          {restored === false
            ? "The old container could not be put back; check the host's container list."
            : "The old container was restored as it was: nothing changed."}
        </div>
      )}
      {steps.length > 0 && (
        <ol className="mt-1 ml-4 list-decimal text-[12px]">
          {steps.map((s, i) => (
            <li key={i} className={s.ok ? "text-ok" : "text-bad"}>
              {s.step}
              {s.message ? `: ${s.message}` : ""}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
