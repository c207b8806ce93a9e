"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import type { ImageLayers, LayerSummary } from "@/lib/layers/types";
import { useImageLayersQuery } from "./layer-queries";
import { LayerFilesPane } from "./LayerFilesPane";

/**
 * The image's layers as the engine stores them, read once from `docker save` and kept in an index:
 * the step that made each one, what it added, changed and deleted, the files a later layer
 * overwrote or deleted (each superseded copy counted once), and the tree at any layer.
 */
export function LayerExplorer({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const t = useTranslations("images.explorer");
  const q = useImageLayersQuery(hostId, imageRef);
  const errorLine = useErrorLine();
  const [picked, setPicked] = useState<number>();
  if (q.isPending)
    return (
      <StatePanel tone="loading" title={t("reading")}>
        <progress className="mt-2 h-1.5 w-48" aria-label={t("reading")} />
        <div className="mt-1">{t("readingHint")}</div>
      </StatePanel>
    );
  if (q.error)
    return (
      <StatePanel tone="error" title={t("failed")}>
        {errorLine(q.error)}
      </StatePanel>
    );
  const data = q.data;
  const layer = data.items.find((l) => l.position === picked) ?? data.items.at(-1);
  return (
    <div className="flex flex-col gap-3" data-testid="layer-explorer">
      <Summary data={data} />
      <div className="grid gap-3 2xl:grid-cols-2">
        <LayerTable items={data.items} selected={layer?.position} onPick={setPicked} />
        {layer && (
          <LayerFilesPane
            key={`${layer.diffId}@${layer.position}`}
            hostId={hostId}
            imageRef={imageRef}
            layer={layer}
          />
        )}
      </div>
      <Wasted data={data} />
      <Largest data={data} />
    </div>
  );
}

function Summary({ data }: { data: ImageLayers }) {
  const t = useTranslations("images.explorer");
  const fmt = useFormat();
  const pct = Math.round(data.efficiency * 1000) / 10;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="layer-summary">
      <span>{t("layers", { count: data.items.length })}</span>
      <span>{t("total", { size: fmt.bytes(data.totalBytes) })}</span>
      <span className={data.wastedBytes > 0 ? "text-warn" : "text-muted"} data-testid="layer-wasted">
        {t("wasted", { size: fmt.bytes(data.wastedBytes) })}
      </span>
      <span title={t("efficiencyHint")} data-testid="layer-efficiency">
        {t("efficiency", { pct })}
      </span>
    </div>
  );
}

function LayerTable({
  items,
  selected,
  onPick,
}: {
  items: LayerSummary[];
  selected?: number;
  onPick: (position: number) => void;
}) {
  const t = useTranslations("images.explorer");
  const fmt = useFormat();
  return (
    <div className="overflow-auto rounded border border-line">
      <table className="w-full table-fixed border-collapse text-xs" data-testid="layer-table">
        <colgroup>
          <col style={{ width: "2.5rem" }} />
          <col />
          <col style={{ width: "5.5rem" }} />
          <col style={{ width: "8.5rem" }} />
          <col style={{ width: "5.5rem" }} />
        </colgroup>
        <thead className="border-b border-line bg-panel text-muted">
          <tr>
            <th className="px-2 py-1 text-right font-medium">#</th>
            <th className="px-2 py-1 text-left font-medium">{t("col.step")}</th>
            <th className="px-2 py-1 text-right font-medium">{t("col.size")}</th>
            <th className="px-2 py-1 text-right font-medium">{t("col.changes")}</th>
            <th className="px-2 py-1 text-right font-medium">{t("col.wasted")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr
              key={`${l.diffId}@${l.position}`}
              data-testid={`layer-${l.position}`}
              data-selected={l.position === selected}
              onClick={() => onPick(l.position)}
              className="cursor-pointer border-b border-line/60 align-top hover:bg-panel-2 data-[selected=true]:bg-panel-2"
            >
              <td className="px-2 py-1 text-right tabular-nums text-muted">{l.position}</td>
              <td className="px-2 py-1 font-mono break-all" title={l.createdBy || l.comment}>
                <span className="line-clamp-2">{l.createdBy || l.comment || t("noStep")}</span>
              </td>
              <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">{fmt.bytes(l.size)}</td>
              <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                <span className="text-ok">+{l.added}</span> <span className="text-warn">~{l.modified}</span>{" "}
                <span className="text-bad">−{l.deleted}</span>
              </td>
              <td
                className={`px-2 py-1 text-right whitespace-nowrap tabular-nums ${l.wastedBytes ? "text-warn" : "text-muted"}`}
              >
                {l.wastedBytes ? fmt.bytes(l.wastedBytes) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Wasted({ data }: { data: ImageLayers }) {
  const t = useTranslations("images.explorer");
  const fmt = useFormat();
  return (
    <section data-testid="layer-wasted-files">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {t("wastedTitle")}
      </h3>
      {data.wasted.items.length === 0 ? (
        <div className="text-muted">{t("noWaste")}</div>
      ) : (
        <table className="w-full border-collapse text-xs">
          <tbody>
            {data.wasted.items.map((w) => (
              <tr key={w.path} className="border-b border-line/60 align-top" data-testid={`wasted-${w.path}`}>
                <td className="px-2 py-1 font-mono break-all">{w.path}</td>
                <td className="px-2 py-1 text-right whitespace-nowrap text-warn tabular-nums">
                  {fmt.bytes(w.wastedBytes)}
                </td>
                <td className="px-2 py-1 text-muted">
                  {t("story", {
                    story: w.events.map((e) => t(`event.${e.action}`, { n: e.position })).join(", "),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.wasted.truncated && (
        <div className="mt-1 text-muted">{t("moreWaste", { count: data.wasted.total })}</div>
      )}
    </section>
  );
}

function Largest({ data }: { data: ImageLayers }) {
  const t = useTranslations("images.explorer");
  const fmt = useFormat();
  if (!data.largest.length) return null;
  return (
    <section data-testid="layer-largest">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {t("largestTitle")}
      </h3>
      <table className="w-full border-collapse text-xs">
        <tbody>
          {data.largest.slice(0, 10).map((f) => (
            <tr key={f.path} className="border-b border-line/60">
              <td className="px-2 py-1 font-mono break-all">{f.path}</td>
              <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">{fmt.bytes(f.size)}</td>
              <td className="px-2 py-1 text-right whitespace-nowrap text-muted">
                {t("inLayer", { n: f.position })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
