"use client";
import { useTranslations } from "next-intl";
import type { HostSummary } from "@/lib/types";
import { th } from "../bits";
import { HostRow } from "./HostRow";

export function HostTable({
  hosts,
  fleetWide,
  onRemove,
}: {
  hosts: HostSummary[];
  fleetWide: boolean;
  onRemove: (h: HostSummary) => void;
}) {
  const t = useTranslations("admin.col");
  return (
    <table className="w-full border-collapse" data-testid="host-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>{t("host")}</th>
          <th className={th}>{t("source")}</th>
          <th className={th}>{t("kind")}</th>
          <th className={th}>{t("url")}</th>
          <th className={th}>{t("status")}</th>
          <th className={th} />
        </tr>
      </thead>
      <tbody>
        {hosts.map((h) => (
          <HostRow key={h.id} host={h} fleetWide={fleetWide} onRemove={onRemove} />
        ))}
      </tbody>
    </table>
  );
}
