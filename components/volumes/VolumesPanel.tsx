"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import type { VolumeSummary } from "@/lib/volumes";
import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { HostListPanel } from "./HostListPanel";
import { PruneVolumesDialog } from "./PruneVolumesDialog";
import { RemoveVolumeDialog } from "./RemoveVolumeDialog";
import { useVolumesQuery } from "./queries";
import { useHostList } from "./useHostList";
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
  const t = useTranslations("volumes");
  const format = useFormat();
  const query = useVolumesQuery(hostId);
  const [dialog, setDialog] = useState<"create" | "prune" | { remove: VolumeSummary }>();
  const list = useHostList({ hostId, query, initialSort: FIRST_SORT, texts, value });
  const { all, target } = list;
  const sized = all.filter((v) => v.size >= 0);
  const close = () => setDialog(undefined);

  return (
    <HostListPanel
      list={list}
      noun={t("noun")}
      plural={t("plural")}
      createLabel={t("create")}
      counts={
        <>
          {t("counts", { count: all.length, unused: all.filter((v) => !v.usedBy.length).length })}
          {sized.length > 0 && ` · ${format.bytes(sized.reduce((s, v) => s + v.size, 0))}`}
        </>
      }
      empty={{ title: t("empty.title"), body: t("empty.body") }}
      keys={t("keys")}
      onOpen={(v) => {
        const u = v.usedBy[0];
        if (u) router.push(`/hosts/${v.hostId}/containers/${u.id}`);
      }}
      onCreate={() => setDialog("create")}
      onPrune={() => setDialog("prune")}
      table={(props) => <VolumeTable {...props} onRemove={(v) => setDialog({ remove: v })} />}
      dialogs={
        <>
          {dialog === "create" && target && <CreateVolumeDialog hostId={target} onClose={close} />}
          {dialog === "prune" && target && (
            <PruneVolumesDialog hostId={target} volumes={all} onClose={close} />
          )}
          {typeof dialog === "object" && <RemoveVolumeDialog volume={dialog.remove} onClose={close} />}
        </>
      }
    />
  );
}
