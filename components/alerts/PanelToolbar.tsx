"use client";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";

/** An alerts tab's first row: its "new" button, and the error of the last action taken from its rows. */
export function PanelToolbar({
  newLabel,
  testId,
  onNew,
  error,
}: {
  newLabel: string;
  testId: string;
  onNew: () => void;
  error?: unknown;
}) {
  return (
    <div className="flex items-center gap-2">
      <Button variant="primary" onClick={onNew} data-testid={testId}>
        {newLabel}
      </Button>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
