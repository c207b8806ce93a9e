"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useMemo, useState } from "react";
import { inputClass } from "@/components/ui/Form";
import { VirtualBody } from "@/components/ui/VirtualBody";
import { occurrenceKeys } from "@/components/ui/virtual-rows";
import type { EngineEventItem } from "@/lib/system";

const TYPE_TONE: Record<string, string> = {
  container: "text-accent",
  image: "text-info",
  volume: "text-warn",
  network: "text-ok",
};

/** Events carry no id: what a row shows, told apart by order where two are alike. */
const eventBase = (e: EngineEventItem) => `${e.time}/${e.type}/${e.action}/${e.id}`;

interface KeyedEvent {
  key: string;
  event: EngineEventItem;
}

const keyOf = (k: KeyedEvent) => k.key;

/** The host's recent engine events, newest first, filterable by type. */
export function EngineEventsTable({ items }: { items: EngineEventItem[] }) {
  const [type, setType] = useState("");
  const t = useTranslations("system.eventList");
  const fmt = useFormat();
  const types = [...new Set(items.map((e) => e.type))].sort();
  const shown = useMemo(() => {
    const events = items.filter((e) => !type || e.type === type).sort((a, b) => b.time - a.time);
    const keys = occurrenceKeys(events, eventBase);
    return events.map((event, i): KeyedEvent => ({ key: keys[i] ?? eventBase(event), event }));
  }, [items, type]);
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
        // Fixed widths: the columns must not follow whichever rows happen to be rendered.
        <table className="w-full table-fixed text-[12px]" aria-rowcount={shown.length + 1}>
          <colgroup>
            <col className="w-52" />
            <col className="w-20" />
            <col className="w-28" />
            <col />
          </colgroup>
          <thead className="text-left text-[11px] text-muted">
            <tr>
              <th className="font-normal">{t("colTime")}</th>
              <th className="font-normal">{t("colType")}</th>
              <th className="font-normal">{t("colAction")}</th>
              <th className="font-normal">{t("colObject")}</th>
            </tr>
          </thead>
          <VirtualBody
            items={shown}
            rowKey={keyOf}
            estimateSize={21}
            columns={4}
            row={({ event: e }, _i, props) => (
              <tr {...props} className="border-b border-line/50">
                <td
                  className="truncate py-0.5 font-mono text-[11px] text-muted"
                  title={fmt.utcDateTime(e.time)}
                >
                  {fmt.utcDateTime(e.time)}
                </td>
                <td className={`truncate ${TYPE_TONE[e.type] ?? ""}`}>{e.type}</td>
                <td className="[overflow-wrap:anywhere]">{e.action}</td>
                <td className="truncate font-mono text-[11px]" title={e.id}>
                  {e.name ?? (/^[0-9a-f]{64}$/.test(e.id) ? e.id.slice(0, 12) : e.id)}
                  {e.attributes.image && <span className="ml-2 text-muted">{e.attributes.image}</span>}
                </td>
              </tr>
            )}
          />
        </table>
      )}
    </div>
  );
}
