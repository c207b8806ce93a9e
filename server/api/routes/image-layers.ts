import { layerFilesQuerySchema } from "../../../lib/layers/schemas";
import type { ImageLayers, LayerFiles } from "../../../lib/layers/types";
import type { AppContext } from "../../context";
import { LayerService } from "../../layers/layer-service";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { hostOf, imageOf } from "../targets";

/**
 * The layer explorer. Reading an image's files is reading the image: viewers may, and a label
 * scope sees the images it sees elsewhere (server/scope/image-access), others answering 404.
 */
export function registerImageLayerRoutes(router: Router, ctx: AppContext): void {
  const layers = new LayerService(ctx.db);

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/:id/layers",
    access: "read",
    scope: "image",
    summary:
      "The image's layers (diff id, step, size, files added, changed and deleted), its wasted space explained per file, its efficiency and largest files; indexed from docker save on first use",
    handler: async (rc) => (await layers.layers(hostOf(rc), imageOf(rc).inspect)) satisfies ImageLayers,
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/images/:id/layers/:diffId/files",
    access: "read",
    scope: "image",
    summary:
      "One folder (path=) at one layer: that layer's own changes marked A, C or D (view=changes), or the merged tree after it (view=merged); sorted by name, capped by limit=",
    handler: async (rc) => {
      const { ref, inspect } = imageOf(rc);
      const q = parseWith(layerFilesQuerySchema, queryObject(rc.query), "query.");
      return (await layers.files(hostOf(rc), inspect, ref, rc.params.diffId ?? "", q)) satisfies LayerFiles;
    },
  });
}
