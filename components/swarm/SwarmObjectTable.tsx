"use client";
import { useTranslations } from "next-intl";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { TableHead } from "@/components/ui/QueryGate";
import { shortId } from "@/lib/format";
import { LabelChips } from "./LabelChips";
import type { SwarmObject, SwarmObjectKind } from "./object-form";

const cell = "px-2 py-1 align-middle";

/** When, as an age to scan by, with the engine's own time (UTC) on hover. */
function When({ iso, now }: { iso?: string; now: number }) {
  const t = useTranslations("swarm.objects");
  const format = useFormat();
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return <span className="text-muted">—</span>;
  return <span title={format.engineTime(iso)}>{t("ago", { age: format.age(ms, now) })}</span>;
}

/**
 * A host's configs or secrets, one dense row each: what the engine says of them, never their content.
 * Removal only for those who may operate.
 */
export function SwarmObjectTable({
  kind,
  items,
  canOperate,
  onRemove,
}: {
  kind: SwarmObjectKind;
  items: SwarmObject[];
  canOperate: boolean;
  onRemove: (o: SwarmObject) => void;
}) {
  const t = useTranslations("swarm.objects");
  const now = useNow(30_000);
  const labels = [t("name"), t("id"), t("created"), t("updated"), t("labels")];
  return (
    <table className="w-full border-collapse text-left [&_th]:px-2" data-testid={`${kind}-table`}>
      <TableHead labels={canOperate ? [...labels, ""] : labels} sticky />
      <tbody>
        {items.map((o) => (
          <tr
            key={o.id}
            className="border-b border-line/60 hover:bg-panel-2 [&>td]:[overflow-wrap:anywhere]"
            data-testid={`object-${o.name}`}
          >
            <td className={`${cell} font-medium`}>{o.name}</td>
            <td className={`${cell} font-mono text-[11px] text-muted`} title={o.id}>
              {shortId(o.id)}
            </td>
            <td className={`${cell} text-xs whitespace-nowrap`}>
              <When iso={o.createdAt} now={now} />
            </td>
            <td className={`${cell} text-xs whitespace-nowrap`}>
              {/* The engine stamps a new object updated when it was created: only a later change counts. */}
              <When iso={o.updatedAt !== o.createdAt ? o.updatedAt : undefined} now={now} />
            </td>
            <td className={cell}>
              <LabelChips labels={o.labels} />
            </td>
            {canOperate && (
              <td className={`${cell} w-px text-right`}>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => onRemove(o)}
                  aria-label={t("removeName", { name: o.name })}
                >
                  {t("remove")}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
