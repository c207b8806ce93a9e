import {
  commitRequestSchema,
  contentQuerySchema,
  listQuerySchema,
  uploadQuerySchema,
} from "../../../lib/files/schemas";
import type { ChangesView, CommitResult, FolderListing, UploadResult } from "../../../lib/files/types";
import type { AppContext } from "../../context";
import { containerChanges } from "../../files/changes";
import { commitContainer } from "../../files/commit";
import { sendContent } from "../../files/file-content";
import { listFolder } from "../../files/folder-listing";
import { FILE_LIMITS } from "../../files/limits";
import { uploadFiles } from "../../files/upload";
import { inspectContainer } from "../../engines/containers";
import { requireNameAvailable } from "../../scope/image-access";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { containerOf, hostOf, principalOf } from "../targets";

/** Inside a container through the engine's archive endpoints only: no command runs in it. */
export function registerContainerFileRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/files",
    access: "read",
    scope: "container",
    summary:
      "One folder's direct children (path, default /), folders first; a file's path answers its one entry; works on stopped containers",
    handler: async (rc): Promise<FolderListing> => {
      const q = parseWith(listQuerySchema, queryObject(rc.query), "query.");
      const gone = new AbortController();
      rc.res.once("close", () => gone.abort());
      return listFolder(hostOf(rc), containerOf(rc), q.path, FILE_LIMITS, gone.signal);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/files/content",
    access: "read",
    scope: "container",
    summary:
      "Download a file (its bytes) or a folder (a tar, or format=zip); preview=1 answers a file up to 256 KiB inline with x-wharf-preview: text|binary, 413 over that",
    handler: async (rc) => {
      const q = parseWith(contentQuerySchema, queryObject(rc.query), "query.");
      await sendContent(rc.res, hostOf(rc), containerOf(rc), q.path, q.preview, undefined, q.format);
      return undefined;
    },
  });

  router.add({
    method: "PUT",
    path: "/api/v1/hosts/:hostId/containers/:id/files",
    access: "operate",
    scope: "container",
    audit: "container.upload",
    summary:
      "Upload into the folder path: a tar (content-type application/x-tar) or one raw file named by name; checked whole first; 409 for existing paths unless overwrite=1",
    handler: async (rc): Promise<UploadResult> => {
      // A container that is not there answers 404 whatever the request holds, as a read would.
      await inspectContainer(hostOf(rc), containerOf(rc));
      const q = parseWith(uploadQuerySchema, queryObject(rc.query), "query.");
      rc.audit.params = { path: q.path, name: q.name, overwrite: q.overwrite };
      const r = await uploadFiles(rc.req, hostOf(rc), containerOf(rc), q, ctx.config.dataDir);
      rc.audit.params = {
        path: r.path,
        names: r.names.slice(0, 100),
        entries: r.entries,
        bytes: r.bytes,
        replaced: r.replaced.slice(0, 100),
        overwrite: q.overwrite,
      };
      return r;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/changes",
    access: "read",
    scope: "container",
    summary:
      "What the container changed since it was created from its image (docker diff), as a list and a tree",
    handler: async (rc): Promise<ChangesView> => containerChanges(hostOf(rc), containerOf(rc)),
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers/:id/commit",
    access: "operate",
    scope: "container",
    audit: "container.commit",
    summary:
      "Commit the container to a new image {repo, tag?, message?, author?, changes?: Dockerfile instructions, pause?}",
    handler: async (rc): Promise<CommitResult> => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      await inspectContainer(host, containerOf(rc));
      const b = parseWith(commitRequestSchema, await rc.body());
      await requireNameAvailable(ctx.imageOwners, host, p, `${b.repo}:${b.tag ?? "latest"}`, "repo");
      const r = await commitContainer(host, containerOf(rc), b);
      ctx.imageOwners.record(host.spec.id, r.id, p, "commit");
      rc.audit.params = { ...b, id: r.id };
      return r;
    },
  });
}
