"use client";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { Button } from "./Button";
import { useModal } from "./useModal";

/** Border, background and the invalid mark shared by every control. */
export const controlBase =
  "rounded border border-line bg-bg px-2 aria-[invalid=true]:border-bad disabled:opacity-50";
/** Inputs and selects: one height whatever the font or type (text, datetime-local, mono). */
export const inputClass = `${controlBase} h-[26px]`;
export const textareaClass = `${controlBase} py-1`;

/**
 * The first problem with `value`, worded like the server's VALIDATION message ("field: message"),
 * so a form can say it before sending and the user reads the same text either way.
 */
export function checkWith(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const i = r.error.issues[0];
  return i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "invalid input";
}

/** The field an error message names ("password: must be…" → "password"), to mark that input. */
export function fieldOf(message: string | undefined): string | undefined {
  return message ? /^([\w.[\]]+):\s/.exec(message)?.[1] : undefined;
}

export function Field({
  label,
  hint,
  className = "",
  children,
}: {
  label: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  // The hint sits outside the <label>, so the control's accessible name is the label alone.
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label className="flex flex-col gap-1">
        <span className="text-muted">{label}</span>
        {children}
      </label>
      {hint && <span className="max-w-56 text-[11px] text-muted">{hint}</span>}
    </div>
  );
}

export function FormError({ message, testId }: { message?: string; testId?: string }) {
  if (!message) return null;
  return (
    <div className="text-bad" role="alert" data-testid={testId ?? "form-error"}>
      {message}
    </div>
  );
}

/** A modal form: Enter submits, Escape cancels, the error stays inside the dialog that caused it. */
export function FormDialog({
  open,
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  variant = "primary",
  children,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  busy?: boolean;
  error?: string;
  onSubmit: (form: HTMLFormElement) => void;
  onCancel: () => void;
  variant?: "primary" | "danger";
  children: ReactNode;
}) {
  const ref = useModal(open);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[30rem] max-w-[95vw] rounded border border-line bg-panel p-0 text-fg backdrop:bg-black/50"
    >
      {open && (
        <form
          className="flex flex-col gap-3 p-4"
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            onSubmit(e.currentTarget);
          }}
        >
          <h2 className="text-base font-semibold">{title}</h2>
          {children}
          <FormError message={error} testId="dialog-error" />
          <div className="flex justify-end gap-2">
            <Button onClick={onCancel}>Cancel</Button>
            <Button type="submit" variant={variant} disabled={busy}>
              {busy ? "…" : submitLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
