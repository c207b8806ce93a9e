"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { controlBase, inputClass } from "@/components/ui/Form";
import { ROLES, type Role } from "@/lib/permissions";

/** What a role may do, in a few words, in the user's language. */
export function useRoleHelp(): (role: Role) => string {
  const tc = useTranslations("common");
  return useCallback((role: Role) => tc(`roleHelp.${role}`), [tc]);
}

const ROLE_STYLE = {
  viewer: "text-muted border-line",
  operator: "text-warn border-warn/40",
  admin: "text-accent border-accent/40",
} as const satisfies Record<Role, string>;

export function RoleBadge({ role }: { role: Role }) {
  const tc = useTranslations("common");
  return (
    <span
      className={`rounded border px-1 text-[11px] leading-4 ${ROLE_STYLE[role]}`}
      title={tc(`roleHelp.${role}`)}
    >
      {tc(`role.${role}`)}
    </span>
  );
}

export function RoleSelect({
  value,
  onChange,
  label,
  disabled,
  title,
  name = "role",
  compact,
}: {
  value: Role;
  onChange: (r: Role) => void;
  label?: string;
  disabled?: boolean;
  title?: string;
  name?: string;
  /** In a table row: as tall as the small buttons beside it. */
  compact?: boolean;
}) {
  const tc = useTranslations("common");
  return (
    <select
      name={name}
      aria-label={label}
      title={title ?? tc(`roleHelp.${value}`)}
      className={compact ? `${controlBase} h-5 text-xs` : `${inputClass} w-32`}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Role)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {tc(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function ResultBadge({ result }: { result: "ok" | "error" }) {
  const t = useTranslations("admin.result");
  return (
    <span
      className={`rounded border px-1 text-[11px] leading-4 ${result === "ok" ? "border-ok/40 text-ok" : "border-bad/40 text-bad"}`}
      data-testid="result"
    >
      {t(result)}
    </span>
  );
}

export const th = "px-2 py-1 text-left font-medium whitespace-nowrap";
export const td = "px-2 py-1";
