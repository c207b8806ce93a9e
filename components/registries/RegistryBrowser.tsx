"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/admin/AdminPage";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { inputClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";
import { PagedList } from "./PagedList";
import { useRegistriesQuery, useRepositoriesQuery, useTagsQuery } from "@/components/hooks/registry-queries";
import { TagDetailPane } from "./TagDetailPane";

export interface BrowserSelection {
  registry?: number;
  repo?: string;
  tag?: string;
}

/** The selection lives in the address (?registry=&repo=&tag=), so a view can be shared or reloaded. */
function useSelection(initial: BrowserSelection) {
  const [sel, setSel] = useState(initial);
  useEffect(() => {
    const q = new URLSearchParams();
    if (sel.registry !== undefined) q.set("registry", String(sel.registry));
    if (sel.repo) q.set("repo", sel.repo);
    if (sel.tag) q.set("tag", sel.tag);
    const search = q.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }, [sel]);
  return [sel, setSel] as const;
}

export function RegistryBrowser({ initial }: { initial: BrowserSelection }) {
  const registries = useRegistriesQuery();
  const isAdmin = useCan("admin");
  const t = useTranslations("registries");
  const errorLine = useErrorLine();
  const [sel, setSel] = useSelection(initial);
  const items = registries.data?.items ?? [];
  // Without a choice (or with one that is gone), the first registry is shown.
  const current = items.find((r) => r.id === sel.registry) ?? items[0];
  // A repository chosen in a registry that is gone means nothing in the one shown instead.
  const stale = sel.registry !== undefined && sel.registry !== current?.id;
  const repo = stale ? undefined : sel.repo;
  const tag = stale ? undefined : sel.tag;
  const repos = useRepositoriesQuery(current?.id);
  const tags = useTagsQuery(current?.id, repo);

  if (registries.isPending) return <StatePanel tone="loading" title={t("loading")} />;
  if (registries.error) {
    return (
      <StatePanel tone="error" title={t("listFailed")}>
        {errorLine(registries.error)}
      </StatePanel>
    );
  }
  if (!current) {
    return (
      <div className="flex h-full flex-col">
        <PageHeader title={t("title")} />
        <StatePanel title={t("none")}>
          {isAdmin
            ? t.rich("browser.addUnder", {
                link: (chunks) => (
                  <Link className="text-accent hover:underline" href="/admin/registries">
                    {chunks}
                  </Link>
                ),
              })
            : t("browser.adminCan")}
        </StatePanel>
      </div>
    );
  }
  const repoItems = repos.data?.pages.flatMap((p) => p.items) ?? [];
  const tagItems = tags.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="flex h-full flex-col">
      <PageHeader title={t("title")} sub={<span className="font-mono text-xs">{current.url}</span>}>
        <select
          aria-label={t("browser.registry")}
          className={`${inputClass} w-56`}
          value={current.id}
          onChange={(e) => setSel({ registry: Number(e.target.value) })}
          data-testid="registry-select"
        >
          {items.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </PageHeader>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(12rem,18rem)_minmax(10rem,14rem)_1fr]">
        <PagedList
          kind="repos"
          testId="registry-repos"
          items={repoItems}
          selected={repo}
          onSelect={(r) => setSel({ registry: current.id, repo: r })}
          pending={repos.isPending}
          error={repos.error}
          hasMore={!!repos.hasNextPage}
          loadingMore={repos.isFetchingNextPage}
          onLoadMore={() => void repos.fetchNextPage()}
        />
        {repo ? (
          <PagedList
            key={repo}
            kind="tags"
            testId="registry-tags"
            items={tagItems}
            selected={tag}
            onSelect={(picked) => setSel({ registry: current.id, repo, tag: picked })}
            pending={tags.isPending}
            error={tags.error}
            hasMore={!!tags.hasNextPage}
            loadingMore={tags.isFetchingNextPage}
            onLoadMore={() => void tags.fetchNextPage()}
          />
        ) : (
          <div className="border-r border-line p-3 text-muted">{t("browser.pickRepo")}</div>
        )}
        <div className="flex min-h-0 flex-col">
          {repo && tag ? (
            <TagDetailPane
              key={`${current.id}/${repo}/${tag}`}
              registryId={current.id}
              repo={repo}
              tag={tag}
              onOpen={(ref) => setSel({ registry: current.id, repo, tag: ref })}
              onDeleted={() => setSel({ registry: current.id, repo })}
            />
          ) : (
            <div className="p-3 text-muted">{repo ? t("browser.pickTag") : ""}</div>
          )}
        </div>
      </div>
    </div>
  );
}
