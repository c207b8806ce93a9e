"use client";
import Link from "next/link";
import { useHostsQuery } from "@/components/hooks/queries";
import { useNow } from "@/components/hooks/useNow";
import { JobsTray } from "@/components/jobs/JobsTray";
import { StatePanel } from "@/components/ui/StatePanel";
import { formatAge, formatBytes, shortId } from "@/lib/format";
import { DetailSection, KV } from "@/components/ui/DetailSection";
import { HostDownBanner } from "@/components/hosts/HostBanners";
import { ImageActions } from "./ImageActions";
import { ImageConfigSection } from "./ImageConfigSection";
import { LayerView } from "./LayerView";
import { useImageQuery } from "./queries";
import { UpdateBadge } from "./UpdateBadge";
import { UsedByTable } from "./UsedByTable";

export function ImageDetailPanel({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const q = useImageQuery(hostId, imageRef);
  const hosts = useHostsQuery();
  const host = hosts.data?.items.find((h) => h.id === hostId);
  const now = useNow(30_000);
  const back = `/hosts/${encodeURIComponent(hostId)}/images`;
  if (q.isPending) return <StatePanel tone="loading" title="Loading image…" />;
  if (q.error) {
    return (
      <div className="flex h-full flex-col">
        <HostDownBanner host={host} />
        <StatePanel tone="error" title={`Cannot show ${imageRef} on ${hostId}`}>
          {q.error.message}.{" "}
          <Link className="underline" href={back}>
            Back to the host&apos;s images
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
          <Link href={back} className="hover:underline">
            {hostId}
          </Link>{" "}
          / images
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
            {formatBytes(img.size)} · created {formatAge(img.created, now)} ago
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
            <LayerView hostId={hostId} imageRef={imageRef} />
            <DetailSection title="Used by" aside={`${img.usedBy.length} containers`}>
              <UsedByTable users={img.usedBy} />
            </DetailSection>
          </div>
          <div className="flex min-w-0 flex-col gap-3">
            <ImageConfigSection image={img} />
            <DetailSection title="Names">
              <KV
                rows={[
                  ["Tags", img.repoTags.length ? <TagList items={img.repoTags} /> : "none (dangling)"],
                  [
                    "Digests",
                    img.repoDigests.length ? (
                      <TagList items={img.repoDigests} />
                    ) : (
                      "none (never pulled or pushed)"
                    ),
                  ],
                  [
                    "Id",
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
