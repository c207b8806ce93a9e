"use client";
import { useTranslations } from "next-intl";
import { useCan } from "@/components/hooks/useCan";
import type { HostAccessSetting } from "@/lib/container-spec/host-access";

/**
 * A container whose settings reach into its host (privileged, host binds, host namespaces, …):
 * only an admin may recreate it. Said before the edit, not after a refused submit.
 */
export function HostAccessNotice({ settings }: { settings: HostAccessSetting[] }) {
  const t = useTranslations("create.hostAccess");
  const admin = useCan("admin");
  return (
    <div
      className={`rounded border px-3 py-2 text-[12px] ${admin ? "border-line bg-panel-2" : "border-warn/50 bg-warn/10"}`}
      role={admin ? undefined : "alert"}
      data-testid="host-access"
    >
      <div className={admin ? "text-muted" : "font-medium text-warn"}>
        {admin ? t("admin") : t("notAdmin")}
      </div>
      <ul className="ml-4 list-disc">
        {/* Each setting by its request field, with Wharf's reason as the server gives it. */}
        {settings.map((s) => (
          <li key={s.field}>
            <code className="text-[11px]">{s.field}</code>: {s.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
