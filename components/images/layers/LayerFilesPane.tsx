"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import type { LayerChange, LayerSummary, LayerView } from "@/lib/layers/types";
import { useLayerFilesQuery } from "./layer-queries";

const CHANGE_STYLE: Record<LayerChange, string> = {
  A: "text-ok",
  C: "text-warn",
  D: "text-bad line-through",
};

/** The folders of a path in an image ("" is the root), from the root. */
function crumbsOf(path: string): { name: string; path: string }[] {
  const parts = path.split("/").filter(Boolean);
  return [
    { name: "/", path: "" },
    ...parts.map((name, i) => ({ name, path: parts.slice(0, i + 1).join("/") })),
  ];
}

/**
 * One layer's files, a folder at a time: what the layer itself added (A), changed (C) and deleted
 * (D, whiteouts resolved), or the filesystem as it stands once the layer is applied.
 */
export function LayerFilesPane({
  hostId,
  imageRef,
  layer,
}: {
  hostId: string;
  imageRef: string;
  layer: LayerSummary;
}) {
  const t = useTranslations("images.explorer");
  const fmt = useFormat();
  const errorLine = useErrorLine();
  const [view, setView] = useState<LayerView>("changes");
  const [path, setPath] = useState("");
  const q = useLayerFilesQuery(hostId, imageRef, layer, view, path);
  return (
    <div className="flex min-h-[10rem] flex-col rounded border border-line" data-testid="layer-files">
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-2 py-1">
        <span className="font-medium">{t("layerN", { n: layer.position })}</span>
        <span className="flex rounded border border-line" role="radiogroup" aria-label={t("viewLabel")}>
          {(["changes", "merged"] as const).map((v) => (
            <button
              key={v}
              role="radio"
              aria-checked={view === v}
              data-testid={`layer-view-${v}`}
              className={`px-2 py-0.5 text-xs ${view === v ? "bg-panel-2 font-medium" : "text-muted hover:text-fg"}`}
              onClick={() => {
                setView(v);
                setPath("");
              }}
            >
              {t(`view.${v}`)}
            </button>
          ))}
        </span>
        <nav className="flex flex-wrap items-center font-mono text-xs" aria-label={t("crumbs")}>
          {crumbsOf(path).map((c, i, all) => (
            <span key={c.path} className="flex items-center">
              {i > 1 && <span className="px-0.5 text-muted">/</span>}
              {i === all.length - 1 ? (
                <span className="font-semibold">{c.name}</span>
              ) : (
                <button className="hover:underline" onClick={() => setPath(c.path)}>
                  {c.name}
                </button>
              )}
            </span>
          ))}
        </nav>
      </div>
      <div className="max-h-[28rem] min-h-0 flex-1 overflow-auto">
        {q.isPending ? (
          <StatePanel tone="loading" title={t("filesLoading")} />
        ) : q.error ? (
          <StatePanel tone="error" title={t("filesFailed")}>
            {errorLine(q.error)}
          </StatePanel>
        ) : q.data.items.length === 0 ? (
          <StatePanel title={view === "changes" ? t("noChangesHere") : t("emptyHere")} />
        ) : (
          <table className="w-full border-collapse text-xs" data-testid="layer-files-table">
            <tbody>
              {q.data.items.map((e) => (
                <tr
                  key={e.path}
                  className="border-b border-line/60"
                  data-testid={`layer-file-${e.name}`}
                  data-change={e.change ?? ""}
                >
                  <td className={`w-4 px-2 py-0.5 font-semibold ${e.change ? CHANGE_STYLE[e.change] : ""}`}>
                    {e.change ?? ""}
                  </td>
                  <td className="px-2 py-0.5 font-mono break-all">
                    {e.type === "dir" && e.change !== "D" ? (
                      <button
                        className="font-semibold hover:underline"
                        onClick={() => setPath(e.path.replace(/^\/+/, ""))}
                      >
                        {e.name}/
                      </button>
                    ) : (
                      <span className={e.change === "D" ? CHANGE_STYLE.D : ""}>{e.name}</span>
                    )}
                    {e.linkTarget && <span className="text-muted"> → {e.linkTarget}</span>}
                  </td>
                  <td className="px-2 py-0.5 text-right whitespace-nowrap tabular-nums">
                    {e.type === "dir" ? "" : fmt.bytes(e.size)}
                  </td>
                  <td className="px-2 py-0.5 text-right whitespace-nowrap text-muted">
                    {view === "merged" ? t("inLayer", { n: e.position }) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {q.data?.truncated && (
          <div className="px-2 py-1 text-muted">
            {t("filesTruncated", { shown: q.data.items.length, total: q.data.total })}
          </div>
        )}
      </div>
    </div>
  );
}
