import type { ReactNode } from "react";

/** One block of the create form, with the server's or the form's error for it shown inside. */
export function FormSection({
  title,
  error,
  children,
  testId,
  aside,
}: {
  title: string;
  error?: string;
  children: ReactNode;
  testId?: string;
  aside?: ReactNode;
}) {
  return (
    <section
      className={`rounded border bg-panel ${error ? "border-bad/60" : "border-line"}`}
      data-testid={testId}
      data-invalid={!!error || undefined}
    >
      <h2 className="flex items-center border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {title}
        {aside && <span className="ml-auto font-normal tracking-normal normal-case">{aside}</span>}
      </h2>
      <div className="flex flex-col gap-2 p-3">
        {children}
        {error && (
          <div className="text-bad" role="alert" data-testid="field-error">
            {error}
          </div>
        )}
      </div>
    </section>
  );
}
