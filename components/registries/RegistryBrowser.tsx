"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/admin/AdminPage";
import { useCan } from "@/components/hooks/useCan";
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

  if (registries.isPending) return <StatePanel tone="loading" title="Loading registries…" />;
  if (registries.error) {
    return (
      <StatePanel tone="error" title="Could not list registries">
        {registries.error.message}
      </StatePanel>
    );
  }
  if (!current) {
    return (
      <div className="flex h-full flex-col">
        <PageHeader title="Registries" />
        <StatePanel title="No registries yet">
          {isAdmin ? (
            <>
              Add one under{" "}
              <Link className="text-accent hover:underline" href="/admin/registries">
                Admin → Registries
              </Link>
              .
            </>
          ) : (
            "An admin can add registries for everyone to browse."
          )}
        </StatePanel>
      </div>
    );
  }
  const repoItems = repos.data?.pages.flatMap((p) => p.items) ?? [];
  const tagItems = tags.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Registries" sub={<span className="font-mono text-xs">{current.url}</span>}>
        <select
          aria-label="Registry"
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
          title="Repositories"
          testId="registry-repos"
          items={repoItems}
          selected={repo}
          onSelect={(r) => setSel({ registry: current.id, repo: r })}
          pending={repos.isPending}
          error={repos.error}
          hasMore={!!repos.hasNextPage}
          loadingMore={repos.isFetchingNextPage}
          onLoadMore={() => void repos.fetchNextPage()}
          emptyText="This registry has no repositories"
        />
        {repo ? (
          <PagedList
            key={repo}
            title="Tags"
            testId="registry-tags"
            items={tagItems}
            selected={tag}
            onSelect={(t) => setSel({ registry: current.id, repo, tag: t })}
            pending={tags.isPending}
            error={tags.error}
            hasMore={!!tags.hasNextPage}
            loadingMore={tags.isFetchingNextPage}
            onLoadMore={() => void tags.fetchNextPage()}
            emptyText="No tags (all deleted?)"
          />
        ) : (
          <div className="border-r border-line p-3 text-muted">Pick a repository.</div>
        )}
        <div className="flex min-h-0 flex-col">
          {repo && tag ? (
            <TagDetailPane
              key={`${current.id}/${repo}/${tag}`}
              registryId={current.id}
              repo={repo}
              tag={tag}
              onOpen={(t) => setSel({ registry: current.id, repo, tag: t })}
              onDeleted={() => setSel({ registry: current.id, repo })}
            />
          ) : (
            <div className="p-3 text-muted">{repo ? "Pick a tag." : ""}</div>
          )}
        </div>
      </div>
    </div>
  );
}
