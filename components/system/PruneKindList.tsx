"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import { PRUNE_KINDS, type PrunePreview, type SystemPruneResult } from "@/lib/system";

const bold = (c: ReactNode) => <b>{c}</b>;

/** A size the engine may not know (-1), in the user's language. */
function useSize() {
  const t = useTranslations("system.prune");
  const fmt = useFormat();
  return (n: number) => (n < 0 ? t("sizeUnknown") : fmt.bytes(n));
}

/** Exactly what a prune will remove, kind by kind, from the preview route. */
export function PrunePreviewList({ preview }: { preview: PrunePreview }) {
  const t = useTranslations("system.prune");
  const size = useSize();
  return (
    <div className="flex max-h-[50vh] flex-col gap-2 overflow-auto" data-testid="prune-preview">
      {PRUNE_KINDS.map((k) => {
        const p = preview.kinds[k];
        return (
          <details
            key={k}
            open={p.included && p.items.length > 0 && p.items.length <= 8}
            data-testid={`preview-${k}`}
          >
            <summary className={`cursor-pointer ${p.included ? "" : "text-muted"}`}>
              {t(`kind.${k}`)}:{" "}
              {p.included ? (
                <>
                  <b>{p.items.length}</b> · {size(p.size)}
                </>
              ) : (
                t("leftOut")
              )}
              {p.note && <span className="ml-2 text-[11px] text-muted">{p.note}</span>}
            </summary>
            {p.included && p.items.length > 0 && (
              <ul className="mt-1 ml-4 font-mono text-[11px]">
                {p.items.map((i) => (
                  <li key={i.id} className="flex gap-2">
                    <span className="truncate">{i.name || i.id.slice(0, 12)}</span>
                    <span className="ml-auto shrink-0 text-muted">{size(i.size)}</span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </div>
  );
}

/** What each kind's prune did; a failed kind shows its error without hiding the others. */
export function PruneResultList({ result }: { result: SystemPruneResult }) {
  const t = useTranslations("system.prune");
  const fmt = useFormat();
  return (
    <div className="flex flex-col gap-1" data-testid="prune-results">
      <p>{t.rich("reclaimed", { size: fmt.bytes(result.spaceReclaimed), b: bold })}</p>
      <table className="w-full text-[12px]">
        <tbody>
          {PRUNE_KINDS.map((k) => {
            const r = result.results[k];
            return (
              <tr key={k} className="border-b border-line/60 align-top" data-testid={`result-${k}`}>
                <td className="py-0.5 pr-2">{t(`kind.${k}`)}</td>
                <td className="pr-2">
                  {!r.ran ? (
                    <span className="text-muted">{t("skipped")}</span>
                  ) : r.ok ? (
                    <span className="text-ok">{t("removed", { count: r.deleted.length })}</span>
                  ) : (
                    <span className="text-bad">{t("failed", { error: r.error?.message ?? "" })}</span>
                  )}
                  {r.note && <div className="text-[11px] text-muted">{r.note}</div>}
                </td>
                <td className="text-right tabular-nums">
                  {r.ran && r.ok ? fmt.bytes(r.spaceReclaimed) : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
