"use client";
import { useTranslations } from "next-intl";
import { useId, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "./Button";
import { useModal } from "./useModal";

/** Border, background and the invalid mark shared by every control. */
export const controlBase =
  "rounded border border-line bg-bg px-2 aria-[invalid=true]:border-bad disabled:opacity-50";
/** Inputs and selects: one height whatever the font or type (text, datetime-local, mono). */
export const inputClass = `${controlBase} h-[26px]`;
export const textareaClass = `${controlBase} py-1`;

export function Field({
  label,
  hint,
  error,
  errorId,
  className = "",
  children,
}: {
  label: string;
  hint?: ReactNode;
  /** Why the server or the form refused this field, said beside it. */
  error?: string;
  /** The id the control's aria-describedby names, for the error to be read with it. */
  errorId?: string;
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
      {error && (
        <span id={errorId} className="max-w-56 text-[11px] text-bad" data-testid="field-error">
          {error}
        </span>
      )}
      {hint && <span className="max-w-56 text-[11px] text-muted">{hint}</span>}
    </div>
  );
}

/** A labelled text input; `invalid` marks it when the error names its field, `error` also says why. */
export function TextField({
  label,
  hint,
  error,
  fieldClassName,
  className,
  invalid,
  onValue,
  ...input
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Classes of the label-and-hint wrapper. */
  fieldClassName?: string;
  /** Classes of the input, after the shared ones. */
  className?: string;
  invalid?: boolean;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "onChange" | "aria-invalid">) {
  const errorId = useId();
  return (
    <Field label={label} hint={hint} error={error} errorId={errorId} className={fieldClassName}>
      <input
        {...input}
        className={className ? `${inputClass} ${className}` : inputClass}
        aria-invalid={invalid || !!error || undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onValue(e.target.value)}
      />
    </Field>
  );
}

/** The string-valued keys of a draft. */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * The TextField props that tie it to one string of a draft: the input's name is the key, and it is
 * marked when `invalid(key)` says the error names it.
 */
export function draftField<D>(
  draft: D,
  onChange: (d: D) => void,
  invalid: (key: string) => boolean | undefined,
) {
  return (key: TextKey<D>) => ({
    name: key,
    value: draft[key] as string,
    invalid: invalid(key),
    onValue: (value: string) => onChange({ ...draft, [key]: value }),
  });
}

/** A form's error: text as given, or a thrown error said in the user's language (see useErrorLine). */
export function FormError({ error, testId }: { error?: unknown; testId?: string }) {
  const errorLine = useErrorLine();
  if (error === undefined || error === null || error === "" || error === false) return null;
  return (
    <div className="text-bad" role="alert" data-testid={testId ?? "form-error"}>
      {typeof error === "string" ? error : errorLine(error)}
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
  /** Text, or the thrown error itself. */
  error?: unknown;
  onSubmit: (form: HTMLFormElement) => void;
  onCancel: () => void;
  variant?: "primary" | "danger";
  children: ReactNode;
}) {
  const ref = useModal(open);
  const t = useTranslations("ui");
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
          <FormError error={error} testId="dialog-error" />
          <div className="flex justify-end gap-2">
            <Button onClick={onCancel}>{t("cancel")}</Button>
            <Button type="submit" variant={variant} disabled={busy}>
              {busy ? "…" : submitLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
