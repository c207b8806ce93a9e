"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useState } from "react";
import { inputClass } from "@/components/ui/Form";
import type { EngineEventItem } from "@/lib/system";

const TYPE_TONE: Record<string, string> = {
  container: "text-accent",
  image: "text-info",
  volume: "text-warn",
  network: "text-ok",
};

/** The host's recent engine events, newest first, filterable by type. */
export function EngineEventsTable({ items }: { items: EngineEventItem[] }) {
  const [type, setType] = useState("");
  const t = useTranslations("system.eventList");
  const fmt = useFormat();
  const types = [...new Set(items.map((e) => e.type))].sort();
  const shown = items.filter((e) => !type || e.type === type).sort((a, b) => b.time - a.time);
  return (
    <div className="flex flex-col gap-2" data-testid="engine-events">
      <select
        aria-label={t("type")}
        className={`${inputClass} w-40`}
        value={type}
        onChange={(e) => setType(e.target.value)}
      >
        <option value="">{t("allTypes")}</option>
        {types.map((ty) => (
          <option key={ty}>{ty}</option>
        ))}
      </select>
      {shown.length === 0 ? (
        <div className="text-muted">{t("empty")}</div>
      ) : (
        <table className="w-full text-[12px]">
          <thead className="text-left text-[11px] text-muted">
            <tr>
              <th className="w-32 font-normal">{t("colTime")}</th>
              <th className="w-20 font-normal">{t("colType")}</th>
              <th className="w-28 font-normal">{t("colAction")}</th>
              <th className="font-normal">{t("colObject")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.time}-${e.id}-${e.action}-${i}`} className="border-b border-line/50">
                <td className="py-0.5 font-mono text-[11px] text-muted">{fmt.utcDateTime(e.time)}</td>
                <td className={TYPE_TONE[e.type] ?? ""}>{e.type}</td>
                <td>{e.action}</td>
                <td className="max-w-0 truncate font-mono text-[11px]" title={e.id}>
                  {e.name ?? (/^[0-9a-f]{64}$/.test(e.id) ? e.id.slice(0, 12) : e.id)}
                  {e.attributes.image && <span className="ml-2 text-muted">{e.attributes.image}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
