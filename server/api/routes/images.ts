import { filterImages } from "../../../lib/images/filter";
import {
  imageListQuerySchema,
  imageRemoveQuerySchema,
  pruneRequestSchema,
  searchQuerySchema,
  tagRequestSchema,
  updatesQuerySchema,
} from "../../../lib/images/schemas";
import type { HubSearchResult, ImageList, ImageSummary, PruneResult } from "../../../lib/images/types";
import type { AppContext } from "../../context";
import { pruneEngineImages, removeEngineImage, tagEngineImage } from "../../engines/images";
import type { HostConnection } from "../../engines/host-connection";
import { imageHistory, imageUsers, toImageDetail } from "../../images/detail";
import { listHostImages } from "../../images/list";
import { searchHub } from "../../images/search";
import { parseWith, queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { imagesInScope, pruneOwnImages, requireNameAvailable } from "../../scope/image-access";
import { acrossHosts } from "../../scope/fan-out";
import { isLabelScoped } from "../../scope/targets";
import { hostOf, imageOf, principalOf } from "../targets";
import { registerImageIoRoutes } from "./images-io";
import { registerImageLayerRoutes } from "./image-layers";
import { registerImageJobRoutes } from "./images-jobs";

async function withUpdates(ctx: AppContext, items: ImageSummary[]): Promise<ImageSummary[]> {
  const updates = await ctx.images.updates.forImages(items);
  return items.map((i, n) => (updates[n] ? { ...i, update: updates[n] } : i));
}

/** A host's images as the caller may see them (see server/scope/image-access). */
async function visibleImages(ctx: AppContext, host: HostConnection, rc: RequestContext) {
  return imagesInScope(ctx.imageOwners, host, principalOf(rc), await listHostImages(host));
}

const wantsUpdates = (q: { updates?: string }) => q.updates !== "0" && q.updates !== "false";

export function registerImageRoutes(router: Router, ctx: AppContext): void {
  registerImageJobRoutes(router, ctx);
  registerImageIoRoutes(router, ctx);
  registerImageLayerRoutes(router, ctx);
  router.add({
    method: "GET",
    path: "/api/v1/images",
    access: "read",
    scope: "fleet",
    summary: "Images of every host in scope; unreachable hosts are listed in errors",
    handler: async (rc) => {
      const q = parseWith(imageListQuerySchema, queryObject(rc.query), "query.");
      const { items, errors } = await acrossHosts(ctx, principalOf(rc), q.host, (host) =>
        visibleImages(ctx, host, rc),
      );
      const filtered = filterImages(items, q);
      return {
        items: wantsUpdates(q) ? await withUpdates(ctx, filtered) : filtered,
        errors,
      } satisfies ImageList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images",
    access: "read",
    scope: "host",
    summary: "One host's images: tags, sizes, shared size, containers, dangling/unused, update state",
    handler: async (rc) => {
      const q = parseWith(imageListQuerySchema, queryObject(rc.query), "query.");
      const filtered = filterImages(await visibleImages(ctx, hostOf(rc), rc), q);
      return { items: wantsUpdates(q) ? await withUpdates(ctx, filtered) : filtered } satisfies ImageList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/updates",
    access: "read",
    scope: "host",
    summary: "Update state of every tag from a configured registry (refresh=1 asks the registries again)",
    handler: async (rc) => {
      const { refresh } = parseWith(updatesQuerySchema, queryObject(rc.query), "query.");
      const images = await visibleImages(ctx, hostOf(rc), rc);
      return { items: await ctx.images.updates.forTags(images, refresh) };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/search",
    access: "read",
    scope: "host",
    summary: "Search Docker Hub through the host's engine",
    handler: async (rc) => {
      const host = hostOf(rc);
      const q = parseWith(searchQuerySchema, queryObject(rc.query), "query.");
      return { items: (await searchHub(host, q.term, q.limit ?? 25)) satisfies HubSearchResult[] };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/:id",
    access: "read",
    scope: "image",
    summary:
      "An image's inspect summary, the containers using it on every host in scope, and its update state",
    handler: async (rc) => {
      const p = principalOf(rc);
      const host = hostOf(rc);
      const { inspect } = imageOf(rc);
      const { usedBy, errors } = await imageUsers(ctx, p, inspect.Id);
      const detail = toImageDetail(host.spec.id, inspect, usedBy);
      const update = await ctx.images.updates.forImage(detail, ctx.registries.list());
      return { ...detail, ...(errors.length ? { usedByErrors: errors } : {}), ...(update ? { update } : {}) };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/:id/history",
    access: "read",
    scope: "image",
    summary: "The image's layers, newest first",
    handler: async (rc) => ({ items: await imageHistory(hostOf(rc), imageOf(rc).ref) }),
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/images/:id",
    access: "operate",
    scope: "image:remove",
    audit: "image.remove",
    summary: "Remove an image or untag a name (force=1 also when containers use it)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const { ref } = imageOf(rc);
      const o = parseWith(imageRemoveQuerySchema, queryObject(rc.query), "query.");
      const items = await removeEngineImage(host, ref, o);
      ctx.images.updates.invalidate(ref);
      return {
        items: (items ?? []).map((i) => ({
          ...(i.Untagged ? { untagged: i.Untagged } : {}),
          ...(i.Deleted ? { deleted: i.Deleted } : {}),
        })),
      };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/:id/tag",
    access: "operate",
    scope: "image:change",
    audit: "image.tag",
    status: 201,
    summary: "Give an image another name: {repo, tag}",
    handler: async (rc) => {
      const host = hostOf(rc);
      const { ref, inspect } = imageOf(rc);
      const b = parseWith(tagRequestSchema, await rc.body());
      const tag = b.tag ?? "latest";
      await requireNameAvailable(ctx.imageOwners, host, principalOf(rc), `${b.repo}:${tag}`, "repo");
      await tagEngineImage(host, ref, b.repo, tag);
      ctx.imageOwners.record(host.spec.id, inspect.Id, principalOf(rc), "tag");
      return { ref: `${b.repo}:${tag}` };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/prune",
    access: "operate",
    scope: "host",
    audit: "image.prune",
    summary:
      "Remove dangling images, or every unused one with {all: true}; labels limit it; label-scoped callers prune only their team's own images",
    handler: async (rc) => {
      const host = hostOf(rc);
      const b = parseWith(pruneRequestSchema, await rc.body());
      const p = principalOf(rc);
      if (isLabelScoped(p)) return pruneOwnImages(ctx.imageOwners, host, p, !!b.all, b.labels ?? []);
      const filters: Record<string, string[]> = { dangling: [b.all ? "false" : "true"] };
      if (b.labels?.length) filters.label = b.labels;
      const r = await pruneEngineImages(host, filters);
      const deleted = (r.ImagesDeleted ?? []).map((d) => d.Deleted).filter((d): d is string => !!d);
      return { deleted, spaceReclaimed: r.SpaceReclaimed ?? 0 } satisfies PruneResult;
    },
  });
}
