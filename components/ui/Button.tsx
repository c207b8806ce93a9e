import type { ButtonHTMLAttributes } from "react";

type Variant = "default" | "primary" | "danger" | "ghost";

const VARIANTS = {
  default: "border-line bg-panel hover:bg-panel-2",
  primary: "border-accent bg-accent text-white hover:opacity-90",
  danger: "border-bad/60 text-bad hover:bg-bad/10",
  ghost: "border-transparent hover:bg-panel-2",
} as const satisfies Record<Variant, string>;

export function Button({
  variant = "default",
  size = "md",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  const pad = size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2.5 py-1";
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center gap-1 rounded border whitespace-nowrap ${pad} ${VARIANTS[variant]} disabled:cursor-not-allowed disabled:opacity-50 ${className}`}
    />
  );
}
