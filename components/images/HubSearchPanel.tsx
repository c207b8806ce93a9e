"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
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
  const t = useTranslations("images");
  const errorLine = useErrorLine();
  const format = useFormat();
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
          aria-label={t("hub.search")}
          placeholder={t("hub.placeholder")}
          className={`${inputClass} w-72`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" size="sm" disabled={draft.trim().length < 2}>
          {t("hub.submit")}
        </Button>
        <span className="text-[11px] text-muted">{t("hub.via", { host: via || t("hub.noHost") })}</span>
      </form>
      {term.length >= 2 && (
        <div className="mt-2 max-h-64 overflow-auto">
          {q.isPending ? (
            <StatePanel tone="loading" title={t("hub.searching", { term })} />
          ) : q.error ? (
            <StatePanel tone="error" title={t("hub.failed")}>
              {errorLine(q.error)}. {t("hub.failedHint")}
            </StatePanel>
          ) : q.data.length === 0 ? (
            <StatePanel title={t("hub.nothing", { term })}>{t("hub.nothingHint")}</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="hub-results">
              <tbody>
                {q.data.map((r) => (
                  <tr key={r.name} className="border-b border-line/60">
                    <td className="px-2 py-1 font-mono text-xs whitespace-nowrap">
                      {r.name}
                      {r.official && <span className="ml-2 text-[11px] text-ok">{t("hub.official")}</span>}
                    </td>
                    <td className="max-w-md truncate px-2 text-muted" title={r.description}>
                      {r.description}
                    </td>
                    <td className="px-2 text-right text-muted tabular-nums">★ {format.number(r.stars)}</td>
                    <td className="px-2 text-right">
                      {canOperate && (
                        <Button size="sm" onClick={() => setPulling(r.name)}>
                          {t("actions.pull")}
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
