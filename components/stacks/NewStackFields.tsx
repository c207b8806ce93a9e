"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/Form";
import type { HostSummary } from "@/lib/types";

/** A new stack's host and name; fixed once its first revision is stored. */
export function NewStackFields({
  hosts,
  target,
  onHost,
  onName,
  disabled,
  nameInvalid,
}: {
  hosts: HostSummary[];
  target: { hostId: string; name: string };
  onHost: (hostId: string) => void;
  onName: (name: string) => void;
  disabled: boolean;
  nameInvalid: boolean;
}) {
  const t = useTranslations("stacks.editor");
  return (
    <>
      <label className="flex flex-col gap-1">
        <span className="text-muted">{t("host")}</span>
        <select
          className={inputClass}
          value={target.hostId}
          onChange={(e) => onHost(e.target.value)}
          disabled={disabled}
          data-testid="stack-host"
        >
          {hosts.map((h) => (
            <option key={h.id} value={h.id} disabled={h.status !== "up"}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">{t("name")}</span>
        <input
          className={`${inputClass} w-56 font-mono`}
          value={target.name}
          onChange={(e) => onName(e.target.value)}
          placeholder={t("namePlaceholder")}
          aria-invalid={nameInvalid || undefined}
          disabled={disabled}
          data-testid="stack-name-input"
        />
      </label>
    </>
  );
}
