"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostDownBanner, HostErrorsBanner, UnknownHostPanel } from "@/components/hosts/HostBanners";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { Button } from "@/components/ui/Button";
import { ListStates } from "@/components/ui/ListStates";
import { formatBytes } from "@/lib/format";
import { count } from "./plural";
import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { HostPicker, ListHeader } from "./ListHeader";
import { PruneVolumesDialog } from "./PruneVolumesDialog";
import { RemoveVolumeDialog } from "./RemoveVolumeDialog";
import { useVolumesQuery } from "./queries";
import { useHostList } from "./useHostList";
import type { VolumeSummary } from "@/lib/volumes";
import { VolumeTable, type VolumeSortKey } from "./VolumeTable";

const texts = (v: VolumeSummary) => [
  v.name,
  v.driver,
  v.hostId,
  v.mountpoint,
  ...Object.entries(v.labels).map(([k, val]) => `${k}=${val}`),
  ...v.usedBy.map((u) => u.name),
];
const FIRST_SORT: VolumeSortKey = "name";
const value = (v: VolumeSummary, k: VolumeSortKey) =>
  k === "size" ? v.size : k === "users" ? v.usedBy.length : k === "host" ? v.hostId : v[k];

/** A host's volumes, or every host's when hostId is undefined. */
export function VolumesPanel({ hostId }: { hostId?: string }) {
  const router = useRouter();
  const list = useVolumesQuery(hostId);
  const canOperate = useCan("operate");
  const [dialog, setDialog] = useState<"create" | "prune" | { remove: VolumeSummary }>();
  const {
    hosts,
    host,
    unknownHost,
    all,
    items,
    sort,
    onSort,
    onQ,
    focused,
    setFocused,
    searchRef,
    setPickedHost,
    target,
  } = useHostList({ hostId, items: list.data?.items, initialSort: FIRST_SORT, texts, value });
  const sized = all.filter((v) => v.size >= 0);

  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const u = items[i]?.usedBy[0];
      if (u) router.push(`/hosts/${items[i]?.hostId}/containers/${u.id}`);
    },
    toggle: () => {},
    restart: () => {},
    focusSearch: () => searchRef.current?.focus(),
  });

  if (unknownHost && hostId) {
    return <UnknownHostPanel hostId={hostId} />;
  }

  return (
    <div className="flex h-full flex-col">
      <ListHeader
        ref={searchRef}
        title={
          <>
            {host && <HostStatusDot status={host.status} />}
            {host ? `${host.name} · volumes` : "All volumes"}
          </>
        }
        counts={
          <>
            {count(all.length, "volume")} · {all.filter((v) => !v.usedBy.length).length} unused
            {sized.length > 0 && ` · ${formatBytes(sized.reduce((s, v) => s + v.size, 0))}`}
          </>
        }
        q={sort.q}
        onQ={onQ}
        placeholder="Filter (/)"
      >
        {canOperate && target && (
          <>
            {!hostId && hosts.data && (
              <HostPicker hosts={hosts.data.items} value={target} onChange={setPickedHost} />
            )}
            <Button onClick={() => setDialog("prune")}>Prune…</Button>
            <Button variant="primary" onClick={() => setDialog("create")}>
              + Volume
            </Button>
          </>
        )}
      </ListHeader>
      <HostDownBanner host={host} />
      <HostErrorsBanner errors={list.data?.errors} />
      <div className="min-h-0 flex-1 overflow-auto">
        <ListStates
          noun="volume"
          plural="volumes"
          query={list}
          total={all.length}
          shown={items.length}
          hostDown={host?.status === "down"}
          empty={{
            title: "No volumes yet",
            body: "Create one with “+ Volume”, or mount a named volume when you create a container.",
          }}
        >
          <VolumeTable
            items={items}
            showHost={!hostId}
            sort={sort}
            onSort={onSort}
            focused={focused}
            onFocusRow={setFocused}
            onRemove={(v) => setDialog({ remove: v })}
            canOperate={canOperate}
          />
        </ListStates>
      </div>
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">
        Keys: j/k move · Enter open the first container using it · / filter · sizes come from the
        engine&apos;s disk usage and may read “not computed”
      </footer>
      {dialog === "create" && target && (
        <CreateVolumeDialog hostId={target} onClose={() => setDialog(undefined)} />
      )}
      {dialog === "prune" && target && (
        <PruneVolumesDialog hostId={target} volumes={all} onClose={() => setDialog(undefined)} />
      )}
      {typeof dialog === "object" && (
        <RemoveVolumeDialog volume={dialog.remove} onClose={() => setDialog(undefined)} />
      )}
    </div>
  );
}
