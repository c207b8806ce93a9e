"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import type { NamespaceView } from "@/lib/namespaces";
import { queryKeys } from "@/lib/query-keys";

/** Namespace modes with a message of their own; "" is the engine's default. */
const MODE_HELP = {
  "": "default",
  host: "host",
  private: "private",
  shareable: "shareable",
  none: "none",
} as const;
const hasHelp = (mode: string): mode is keyof typeof MODE_HELP => Object.hasOwn(MODE_HELP, mode);

/** Which namespaces isolate this container, and what runs inside it. */
export function NamespacesTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const q = useQuery({
    queryKey: queryKeys.namespaces(hostId, containerId),
    queryFn: () =>
      api<NamespaceView>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(containerId)}/namespaces`,
      ),
  });
  const t = useTranslations("namespaces");
  const errorLine = useErrorLine();
  if (q.isPending) return <StatePanel tone="loading" title={t("loading")} />;
  if (q.error)
    return (
      <StatePanel tone="error" title={t("failed")}>
        {errorLine(q.error)}
      </StatePanel>
    );
  const v = q.data;
  const describeMode = (mode: string): string => {
    if (mode.startsWith("container:"))
      return t("mode.container", { id: mode.slice("container:".length, "container:".length + 12) });
    return hasHelp(mode) ? t(`mode.${MODE_HELP[mode]}`) : mode;
  };
  return (
    <div className="grid gap-3 p-3 xl:grid-cols-2">
      <section className="rounded border border-line bg-panel" data-testid="ns-modes">
        <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
          {t("modes")}
        </h2>
        <table className="w-full">
          <tbody>
            {Object.entries(v.modes).map(([k, mode]) => (
              <tr key={k} className="border-b border-line/50">
                <td className="w-24 px-3 py-0.5 text-muted">{k}</td>
                <td className="px-3 py-0.5 font-mono text-xs" data-testid={`ns-mode-${k}`}>
                  {mode || t("default")}
                </td>
                <td className={`px-3 py-0.5 text-xs ${mode === "host" ? "text-warn" : "text-muted"}`}>
                  {describeMode(mode)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded border border-line bg-panel" data-testid="ns-identities">
        <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
          {t("identities")}
        </h2>
        {v.identities ? (
          <table className="w-full font-mono text-xs">
            <tbody>
              {v.identities.map((n) => (
                <tr key={n.type} className="border-b border-line/50">
                  <td className="w-24 px-3 py-0.5 text-muted">{n.type}</td>
                  <td className="px-3 py-0.5">{n.inode}</td>
                  <td className={`px-3 py-0.5 ${n.sharedWithHost ? "text-warn" : "text-ok"}`}>
                    {n.sharedWithHost ? t("shared") : t("isolated")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          // The server's note, in the user's language: a running container always has a process.
          <p className="px-3 py-2 text-muted">
            {v.processes.rows.length ? t("identitiesLocalOnly") : t("identitiesNotRunning")}
          </p>
        )}
      </section>
      <section className="rounded border border-line bg-panel xl:col-span-2" data-testid="ns-processes">
        <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
          {t("processes", { count: v.processes.rows.length })}
        </h2>
        {v.processes.rows.length === 0 ? (
          <p className="px-3 py-2 text-muted">{t("noProcesses")}</p>
        ) : (
          <table className="w-full font-mono text-xs">
            <thead className="text-left text-muted">
              <tr>
                {v.processes.titles.map((title) => (
                  <th key={title} className="px-3 py-0.5 font-medium">
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.processes.rows.map((r, i) => (
                <tr key={i} className="border-t border-line/50">
                  {r.map((c, j) => (
                    <td key={j} className="px-3 py-0.5 break-all">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
