"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useHostsQuery } from "@/components/hooks/queries";
import { useNow } from "@/components/hooks/useNow";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { JobsTray } from "@/components/jobs/JobsTray";
import { StatePanel } from "@/components/ui/StatePanel";
import { shortId } from "@/lib/format";
import { DetailSection, KV } from "@/components/ui/DetailSection";
import { HostDownBanner } from "@/components/hosts/HostBanners";
import { ImageActions } from "./ImageActions";
import { ImageConfigSection } from "./ImageConfigSection";
import { LayerTabs } from "./layers/LayerTabs";
import { useImageQuery } from "./queries";
import { UpdateBadge } from "./UpdateBadge";
import { UsedByTable } from "./UsedByTable";

export function ImageDetailPanel({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const q = useImageQuery(hostId, imageRef);
  const hosts = useHostsQuery();
  const host = hosts.data?.items.find((h) => h.id === hostId);
  const now = useNow(30_000);
  const t = useTranslations("images.detail");
  const errorLine = useErrorLine();
  const format = useFormat();
  const back = `/hosts/${encodeURIComponent(hostId)}/images`;
  if (q.isPending) return <StatePanel tone="loading" title={t("loading")} />;
  if (q.error) {
    return (
      <div className="flex h-full flex-col">
        <HostDownBanner host={host} />
        <StatePanel tone="error" title={t("cannotShow", { ref: imageRef, host: hostId })}>
          {errorLine(q.error)}.{" "}
          <Link className="underline" href={back}>
            {t("back")}
          </Link>
        </StatePanel>
      </div>
    );
  }
  const img = q.data;
  const name = img.repoTags[0] ?? `<none> (${shortId(img.id)})`;
  return (
    <div className="flex h-full flex-col">
      <header className="border-b border-line bg-panel px-3 py-2">
        <div className="mb-1 text-[11px] text-muted">
          {t.rich("breadcrumb", {
            host: hostId,
            link: (host) => (
              <Link href={back} className="hover:underline">
                {host}
              </Link>
            ),
          })}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-base font-semibold break-all" data-testid="image-name">
            {name}
          </h1>
          <UpdateBadge hostId={hostId} update={img.update} />
          <span className="font-mono text-xs text-muted" title={img.id}>
            {shortId(img.id)}
          </span>
          <span className="text-muted">
            {t("sizeAge", { size: format.bytes(img.size), age: format.age(img.created, now) })}
          </span>
          <div className="ml-auto">
            <ImageActions image={img} imageRef={imageRef} name={name} />
          </div>
        </div>
      </header>
      <HostDownBanner host={host} />
      <div className="min-h-0 flex-1 overflow-auto">
        <div className="grid gap-3 p-3 xl:grid-cols-[3fr_2fr]">
          <div className="flex min-w-0 flex-col gap-3">
            <LayerTabs hostId={hostId} imageRef={imageRef} />
            <DetailSection title={t("usedBy")} aside={t("containers", { count: img.usedBy.length })}>
              <UsedByTable users={img.usedBy} />
            </DetailSection>
          </div>
          <div className="flex min-w-0 flex-col gap-3">
            <ImageConfigSection image={img} />
            <DetailSection title={t("names")}>
              <KV
                rows={[
                  [t("tags"), img.repoTags.length ? <TagList items={img.repoTags} /> : t("noTags")],
                  [
                    t("digests"),
                    img.repoDigests.length ? <TagList items={img.repoDigests} /> : t("noDigests"),
                  ],
                  [
                    t("id"),
                    <code key="id" className="font-mono text-xs break-all">
                      {img.id}
                    </code>,
                  ],
                ]}
              />
            </DetailSection>
          </div>
        </div>
      </div>
      <JobsTray hostId={hostId} />
    </div>
  );
}

function TagList({ items }: { items: string[] }) {
  return (
    <ul className="font-mono text-xs break-all">
      {items.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}
