"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { StatePanel } from "@/components/ui/StatePanel";
import type { NamespaceView } from "@/lib/namespaces";
import { queryKeys } from "@/lib/query-keys";

const MODE_HELP: Record<string, string> = {
  "": "private (the engine's default)",
  host: "the host's own: not isolated",
  private: "private",
  shareable: "private, shareable with other containers",
  none: "none: no network at all",
};

function describeMode(mode: string): string {
  if (mode.startsWith("container:"))
    return `shared with container ${mode.slice("container:".length, "container:".length + 12)}`;
  return MODE_HELP[mode] ?? mode;
}

/** Which namespaces isolate this container, and what runs inside it. */
export function NamespacesTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const q = useQuery({
    queryKey: queryKeys.namespaces(hostId, containerId),
    queryFn: () =>
      api<NamespaceView>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(containerId)}/namespaces`,
      ),
  });
  if (q.isPending) return <StatePanel tone="loading" title="Reading namespaces…" />;
  if (q.error)
    return (
      <StatePanel tone="error" title="Could not read namespaces">
        {q.error.message}
      </StatePanel>
    );
  const v = q.data;
  return (
    <div className="grid gap-3 p-3 xl:grid-cols-2">
      <section className="rounded border border-line bg-panel" data-testid="ns-modes">
        <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
          Modes
        </h2>
        <table className="w-full">
          <tbody>
            {Object.entries(v.modes).map(([k, mode]) => (
              <tr key={k} className="border-b border-line/50">
                <td className="w-24 px-3 py-0.5 text-muted">{k}</td>
                <td className="px-3 py-0.5 font-mono text-xs" data-testid={`ns-mode-${k}`}>
                  {mode || "default"}
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
          Namespace identities
        </h2>
        {v.identities ? (
          <table className="w-full font-mono text-xs">
            <tbody>
              {v.identities.map((n) => (
                <tr key={n.type} className="border-b border-line/50">
                  <td className="w-24 px-3 py-0.5 text-muted">{n.type}</td>
                  <td className="px-3 py-0.5">{n.inode}</td>
                  <td className={`px-3 py-0.5 ${n.sharedWithHost ? "text-warn" : "text-ok"}`}>
                    {n.sharedWithHost ? "host's namespace" : "isolated"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="px-3 py-2 text-muted">{v.identitiesNote}</p>
        )}
      </section>
      <section className="rounded border border-line bg-panel xl:col-span-2" data-testid="ns-processes">
        <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
          Processes ({v.processes.rows.length})
        </h2>
        {v.processes.rows.length === 0 ? (
          <p className="px-3 py-2 text-muted">No processes: the container is not running.</p>
        ) : (
          <table className="w-full font-mono text-xs">
            <thead className="text-left text-muted">
              <tr>
                {v.processes.titles.map((t) => (
                  <th key={t} className="px-3 py-0.5 font-medium">
                    {t}
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
