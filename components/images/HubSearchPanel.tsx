"use client";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";
import { defaultHost } from "./HostChecklist";
import { PullDialog } from "./PullDialog";
import { useHubSearchQuery } from "./queries";

/** Docker Hub search, through a host's engine (the engine, not the browser, talks to the Hub). */
export function HubSearchPanel({ hostId }: { hostId?: string }) {
  const hosts = useHostsQuery();
  const via = defaultHost(hosts.data?.items, hostId);
  const [draft, setDraft] = useState("");
  const [term, setTerm] = useState("");
  const [pulling, setPulling] = useState<string>();
  const canOperate = useCan("operate");
  const q = useHubSearchQuery(via || undefined, term);
  return (
    <section className="border-b border-line bg-panel px-3 py-2" data-testid="hub-search">
      <form
        className="flex items-center gap-2"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(draft.trim());
        }}
      >
        <input
          aria-label="Search Docker Hub"
          placeholder="Search Docker Hub, e.g. nginx"
          className={`${inputClass} w-72`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" size="sm" disabled={draft.trim().length < 2}>
          Search
        </Button>
        <span className="text-[11px] text-muted">via {via || "no host"}</span>
      </form>
      {term.length >= 2 && (
        <div className="mt-2 max-h-64 overflow-auto">
          {q.isPending ? (
            <StatePanel tone="loading" title={`Searching Docker Hub for "${term}"…`} />
          ) : q.error ? (
            <StatePanel tone="error" title="Docker Hub search failed">
              {q.error.message}. Pull from a configured registry instead (the Registries page lists them), or
              ask an admin to add a mirror.
            </StatePanel>
          ) : q.data.length === 0 ? (
            <StatePanel title={`Nothing on Docker Hub matches "${term}"`}>
              Try a shorter or different word.
            </StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="hub-results">
              <tbody>
                {q.data.map((r) => (
                  <tr key={r.name} className="border-b border-line/60">
                    <td className="px-2 py-1 font-mono text-xs whitespace-nowrap">
                      {r.name}
                      {r.official && <span className="ml-2 text-[11px] text-ok">official</span>}
                    </td>
                    <td className="max-w-md truncate px-2 text-muted" title={r.description}>
                      {r.description}
                    </td>
                    <td className="px-2 text-right text-muted tabular-nums">★ {r.stars}</td>
                    <td className="px-2 text-right">
                      {canOperate && (
                        <Button size="sm" onClick={() => setPulling(r.name)}>
                          Pull…
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <PullDialog
        open={!!pulling}
        onClose={() => setPulling(undefined)}
        preset={{ image: pulling, hosts: hostId ? [hostId] : [] }}
      />
    </section>
  );
}
