"use client";
import type { ReactNode } from "react";
import { Button } from "./Button";
import { FormError } from "./Form";

/** A form on a page: the browser's own checks off (the form checks with the server's schema), no reload. */
export function PageForm({
  className = "flex flex-col gap-3 p-3",
  onSubmit,
  children,
}: {
  className?: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** A page form's last row: the submit button, the error it caused, and anything else it reports. */
export function SubmitRow({
  label,
  busyLabel,
  busy,
  error,
  children,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Text, or the thrown error itself. */
  error?: unknown;
  children?: ReactNode;
}) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
      <FormError error={error} />
      {children}
    </div>
  );
}
