"use client";
import { CliAccess } from "@/components/admin/tokens/CliAccess";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
import { useCan } from "@/components/hooks/useCan";
import { useContainerAction } from "@/components/hooks/useContainerActions";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostDownBanner, HostErrorsBanner, UnknownHostPanel } from "@/components/hosts/HostBanners";
import { HostHeader } from "@/components/hosts/HostHeader";
import { useHostHistory } from "@/components/hosts/useHostHistory";
import { usePageHost } from "@/components/hosts/usePageHost";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useImageUpdateLookup } from "@/components/images/useImageUpdates";
import { HostStatsTotals } from "@/components/stats/HostStatsTotals";
import { IntentLink } from "@/components/ui/IntentLink";
import { StatePanel } from "@/components/ui/StatePanel";
import { useAfterPaint } from "@/components/ui/useAfterPaint";
import { useKeyedFocus } from "@/components/ui/useKeyedFocus";
import { filterContainers, type ContainerFilter, type ContainerSortKey } from "@/lib/container-filter";
import { BulkBar } from "./BulkBar";
import { ContainerFilterBar } from "./ContainerFilterBar";
import { ContainerStackBar } from "./ContainerStackBar";
import { stackOfRows } from "./stack-of-rows";
import { ContainerTable, rowKey } from "./ContainerTable";
import { DEFAULT_CONTAINER_FILTER, type ContainersFirstScreen } from "./first-screen-types";

/** A host's containers, or every host's when hostId is undefined. */
export function ContainersPanel({ hostId, initial }: { hostId?: string; initial?: ContainersFirstScreen }) {
  const router = useRouter();
  const { hosts, host, unknownHost } = usePageHost(hostId);
  const list = useContainersQuery(hostId);
  const action = useContainerAction();
  // The image list behind the update badges waits for the rows: it must not hold up their first paint.
  const rowsPainted = useAfterPaint(list.isSuccess);
  const updateFor = useImageUpdateLookup(hostId, rowsPainted);
  const canOperate = useCan("operate");
  const history = useHostHistory(host?.id);
  const t = useTranslations("containers.list");
  const errorLine = useErrorLine();
  const [filter, setFilter] = useState<ContainerFilter>(DEFAULT_CONTAINER_FILTER);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Until the whole list arrives, the rows the server rendered with the page stand in for it, as they
  // came: sorting them again here could order them differently from the server and undo its render.
  const preview = list.data ? undefined : initial;
  const items = useMemo(
    () =>
      list.data
        ? filterContainers(list.data.items, filter)
        : preview
          ? filter === DEFAULT_CONTAINER_FILTER
            ? preview.items
            : filterContainers(preview.items, filter)
          : [],
    [list.data, preview, filter],
  );
  const [focused, setFocused] = useKeyedFocus(items, rowKey);
  const all = list.data?.items ?? [];
  const total = preview ? preview.total : all.length;
  const running = preview ? preview.running : all.filter((c) => c.state === "running").length;
  // A list narrowed to one stack's containers offers that stack's actions.
  const stack = useMemo(
    () => (items.length < (list.data?.items.length ?? 0) ? stackOfRows(items) : undefined),
    [items, list.data],
  );
  // Without a selection there is nothing to look up: no key per row on every render.
  const targets =
    selected.size === 0
      ? []
      : items
          .filter((c) => selected.has(rowKey(c)))
          .map((c) => ({ hostId: c.hostId, id: c.id, name: c.name }));

  const toggle = (key: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const c = items[i];
      if (c) router.push(`/hosts/${c.hostId}/containers/${c.id}`);
    },
    toggle: (i) => {
      const c = items[i];
      if (c) toggle(rowKey(c));
    },
    restart: (i) => {
      const c = items[i];
      if (c && canOperate)
        action.mutate({ target: { hostId: c.hostId, id: c.id, name: c.name }, action: "restart" });
    },
    focusSearch: () => searchRef.current?.focus(),
  });

  const onSort = (key: ContainerSortKey) =>
    setFilter((f) => ({ ...f, sort: key, dir: f.sort === key && f.dir === "asc" ? "desc" : "asc" }));

  if (unknownHost && hostId) {
    return <UnknownHostPanel hostId={hostId} />;
  }

  return (
    <div className="flex h-full flex-col">
      <HostHeader host={host} title={host ? host.name : t("allTitle")}>
        <span className="text-muted" data-testid="counts">
          {t("counts", { running, total })}
        </span>
        {host && (
          <IntentLink href={`/hosts/${host.id}/quotas`} className="text-[11px] text-accent hover:underline">
            {t("quotas")}
          </IntentLink>
        )}
        {host && <HostStatsTotals hostId={host.id} />}
        {history.toggle}
        {host && (
          <span className="text-[11px] text-muted">
            {host.kind}
            {host.engineVersion &&
              ` · ${t("engine", { version: host.engineVersion, api: host.apiVersion ?? "" })}`}
          </span>
        )}
        {host && <CliAccess hostId={host.id} />}
        {host && canOperate && (
          <IntentLink
            href={`/hosts/${host.id}/create`}
            className="rounded border border-accent bg-accent px-1.5 py-0.5 text-xs whitespace-nowrap text-white hover:opacity-90"
            data-testid="create-container"
          >
            {t("create")}
          </IntentLink>
        )}
        <div className="ml-auto">
          <ContainerFilterBar
            ref={searchRef}
            filter={filter}
            onChange={setFilter}
            hosts={hostId ? undefined : hosts.data?.items}
          />
        </div>
      </HostHeader>
      <HostDownBanner host={host} />
      <HostErrorsBanner errors={list.data?.errors ?? preview?.errors} />
      {history.panel}
      {canOperate && targets.length > 0 && (
        <BulkBar targets={targets} onDone={() => setSelected(new Set())} />
      )}
      {stack && <ContainerStackBar {...stack} count={items.length} canOperate={canOperate} />}
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        {list.isPending && !preview ? (
          <StatePanel tone="loading" title={t("loading")} />
        ) : list.error ? (
          <StatePanel tone="error" title={t("failed")}>
            {errorLine(list.error)}
            {host?.status === "down" && ` ${t("hostDown")}`}
          </StatePanel>
        ) : total === 0 ? (
          <StatePanel title={t("empty")}>{t.rich("emptyHint", { code: (c) => <code>{c}</code> })}</StatePanel>
        ) : items.length === 0 ? (
          <StatePanel title={t("noMatch")}>{t("noMatchHint", { total })}</StatePanel>
        ) : (
          <ContainerTable
            items={items}
            showHost={!hostId}
            sort={filter}
            onSort={onSort}
            selected={selected}
            onToggle={toggle}
            onToggleAll={(on) => setSelected(on ? new Set(items.map(rowKey)) : new Set())}
            focused={focused}
            onFocusRow={setFocused}
            updateFor={updateFor}
            scrollRef={scrollRef}
            canOperate={canOperate}
            onAction={(target, a) => action.mutate({ target, action: a })}
          />
        )}
      </div>
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">{t("keys")}</footer>
    </div>
  );
}
