"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostHeader } from "@/components/hosts/HostHeader";
import { usePageHost } from "@/components/hosts/usePageHost";
import { useFormat } from "@/components/i18n/useFormat";
import { JobsTray } from "@/components/jobs/JobsTray";
import { ListStates } from "@/components/ui/ListStates";
import { useKeyedFocus } from "@/components/ui/useKeyedFocus";
import { filterImages, imageKey, type ImageFilter, type ImageSortKey } from "./image-filter";
import { ImageFilterBar } from "./ImageFilterBar";
import { HostDownBanner, HostErrorsBanner, UnknownHostPanel } from "@/components/hosts/HostBanners";
import { HubSearchPanel } from "./HubSearchPanel";
import { ImageTable, imageHref } from "./ImageTable";
import { ImageToolbar } from "./ImageToolbar";
import { useImagesQuery } from "./queries";

/** A host's images, or every host's when hostId is undefined. */
export function ImagesPanel({ hostId }: { hostId?: string }) {
  const router = useRouter();
  const { hosts, host, unknownHost } = usePageHost(hostId);
  const list = useImagesQuery(hostId);
  const [filter, setFilter] = useState<ImageFilter>({ sort: "name", dir: "asc" });
  const [hub, setHub] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const t = useTranslations("images.panel");
  const format = useFormat();
  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const items = useMemo(() => filterImages(all, filter), [all, filter]);
  const [focused, setFocused] = useKeyedFocus(items, imageKey);
  const total = all.reduce((n, i) => n + i.size, 0);

  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const img = items[i];
      if (img) router.push(imageHref(img));
    },
    focusSearch: () => searchRef.current?.focus(),
  });

  const onSort = (key: ImageSortKey) =>
    setFilter((f) => ({
      ...f,
      sort: key,
      dir:
        f.sort === key
          ? f.dir === "asc"
            ? "desc"
            : "asc"
          : key === "name" || key === "host"
            ? "asc"
            : "desc",
    }));

  if (unknownHost && hostId) {
    return <UnknownHostPanel hostId={hostId} />;
  }
  return (
    <div className="flex h-full flex-col">
      <HostHeader host={host} title={host ? t("titleHost", { host: host.name }) : t("titleAll")}>
        <span className="text-muted" data-testid="image-counts" title={t("countsHint")}>
          {items.length !== all.length
            ? t("countsFiltered", { shown: items.length, count: all.length, size: format.bytes(total) })
            : t("counts", { count: all.length, size: format.bytes(total) })}
        </span>
        <ImageFilterBar
          ref={searchRef}
          filter={filter}
          onChange={setFilter}
          hosts={hostId ? undefined : hosts.data?.items}
        />
        <div className="ml-auto">
          <ImageToolbar hostId={hostId} hubOpen={hub} onHub={() => setHub((h) => !h)} />
        </div>
      </HostHeader>
      <HostDownBanner host={host} />
      <HostErrorsBanner errors={list.data?.errors} />
      {hub && <HubSearchPanel hostId={hostId} />}
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        <ListStates
          noun={t("noun")}
          plural={t("plural")}
          query={list}
          total={all.length}
          shown={items.length}
          hostDown={host?.status === "down"}
          empty={{
            title: t("empty"),
            body: t.rich("emptyHint", { b: (chunks) => <b>{chunks}</b> }),
          }}
        >
          <ImageTable
            items={items}
            showHost={!hostId}
            sort={filter}
            onSort={onSort}
            focused={focused}
            onFocusRow={setFocused}
            scrollRef={scrollRef}
          />
        </ListStates>
      </div>
      <JobsTray hostId={hostId} />
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">{t("keys")}</footer>
    </div>
  );
}
