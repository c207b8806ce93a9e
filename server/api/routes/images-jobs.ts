import {
  buildJsonSchema,
  buildQuerySchema,
  multiPullRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
} from "../../../lib/images/schemas";
import type { HostResult } from "../../../lib/images/types";
import type { AppContext } from "../../context";
import { dockerfileContext, startBuild, uploadedContext } from "../../images/build";
import type { Job } from "../../images/job";
import { jobResult, startPull, startPush } from "../../images/pull";
import { ownerOf } from "../../scope/image-owners";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { imageInScope, requireNameAvailable } from "../../scope/image-access";
import { hostInScope } from "../../scope/targets";
import { hostOf, principalOf } from "../targets";
import { toAppError } from "../../errors";

export function registerImageJobRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/pull",
    access: "operate",
    scope: "host",
    audit: "image.pull",
    summary: "Pull an image; answers {id, jobId} when it ends, progress goes out as job:update",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const b = parseWith(pullRequestSchema, await rc.body());
      rc.audit.target = b.image;
      await requireNameAvailable(ctx.imageOwners, host, p, b.image, "image");
      const { job } = startPull(ctx, host, { ...b, user: p.name, owner: ownerOf(p) });
      const r = await jobResult(job);
      ctx.imageOwners.record(host.spec.id, r.id, p, "pull");
      return r;
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/images/pull",
    access: "operate",
    scope: "fleet",
    audit: "image.pull",
    summary: "Pull one image on several hosts at once; answers a result per host",
    handler: async (rc) => {
      const p = principalOf(rc);
      const b = parseWith(multiPullRequestSchema, await rc.body());
      rc.audit.target = b.image;
      const items = await Promise.all(
        [...new Set(b.hosts)].map(async (hostId): Promise<HostResult<{ id: string; jobId: string }>> => {
          try {
            const host = hostInScope(ctx, p, hostId);
            await requireNameAvailable(ctx.imageOwners, host, p, b.image, "image");
            const { job } = startPull(ctx, host, {
              image: b.image,
              ...(b.registryId ? { registryId: b.registryId } : {}),
              user: p.name,
              owner: ownerOf(p),
            });
            const data = await jobResult(job);
            ctx.imageOwners.record(hostId, data.id, p, "pull");
            return { hostId, ok: true, data };
          } catch (err) {
            const e = toAppError(err, { hostId, log: "[api] image.pull" });
            return { hostId, ok: false, error: { code: e.code, message: e.message } };
          }
        }),
      );
      rc.audit.params = { image: b.image, registryId: b.registryId, results: items };
      return { items };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/push",
    access: "operate",
    scope: "host",
    audit: "image.push",
    summary:
      "Push a tag to a registry (a local name is tagged under the registry first); answers when it ends",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const b = parseWith(pushRequestSchema, await rc.body());
      rc.audit.target = b.image;
      await imageInScope(ctx.imageOwners, host, p, b.image, "change", "image");
      const job = await startPush(ctx, host, {
        ...b,
        user: p.name,
        owner: ownerOf(p),
        checkName: (name) => requireNameAvailable(ctx.imageOwners, host, p, name, "image"),
      });
      const r = await jobResult(job);
      return { ...r, ref: job.init.ref };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/images/build",
    access: "operate",
    scope: "host",
    audit: "image.build",
    summary:
      "Build with the classic builder: JSON {dockerfile, tags, buildArgs}, or a tar or zip context as the body with ?tags=",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const user = p.name;
      const owner = ownerOf(p);
      const namesAvailable = async (tags: string[]) => {
        for (const [i, t] of tags.entries())
          await requireNameAvailable(ctx.imageOwners, host, p, t, `tags[${i}]`);
      };
      const built = async (job: Job) => {
        const r = await jobResult(job);
        ctx.imageOwners.record(host.spec.id, r.id, p, "build");
        return r;
      };
      const json = (rc.req.headers["content-type"] ?? "").includes("application/json");
      if (json) {
        const b = parseWith(buildJsonSchema, await rc.body());
        const tags = b.tags ?? [];
        rc.audit.target = tags[0];
        await namesAvailable(tags);
        const job = startBuild(ctx, host, dockerfileContext(b.dockerfile), {
          tags,
          ...(b.buildArgs ? { buildArgs: b.buildArgs } : {}),
          ...(b.labels ? { labels: b.labels } : {}),
          ...(b.jobId ? { jobId: b.jobId } : {}),
          user,
          owner,
        });
        const r = await built(job);
        return { ...r, tags };
      }
      const q = parseWith(buildQuerySchema, queryObject(rc.query), "query.");
      const tags = q.tags ?? [];
      rc.audit.target = tags[0];
      await namesAvailable(tags);
      rc.audit.params = { tags, dockerfile: q.dockerfile, buildArgs: q.buildArgs, upload: true };
      const context = await uploadedContext(rc.req);
      const job = startBuild(ctx, host, context, {
        tags,
        ...(q.dockerfile ? { dockerfile: q.dockerfile } : {}),
        ...(q.buildArgs ? { buildArgs: q.buildArgs } : {}),
        ...(q.labels ? { labels: q.labels } : {}),
        ...(q.jobId ? { jobId: q.jobId } : {}),
        user,
        owner,
      });
      const r = await built(job);
      return { ...r, tags };
    },
  });
}
