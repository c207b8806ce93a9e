import { AppError } from "../../lib/errors";
import { classifyEngineError } from "../engines/engine-error";
import { exportEngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import { toLayerRow } from "./entry-path";
import type { IndexedLayer, LayerStore } from "./layer-store";
import { readSaveArchive, type SaveLayers } from "./save-archive";
import type { ConfigHistory } from "./steps";

export interface ImageConfig {
  rootfs?: { diff_ids?: string[] };
  history?: ConfigHistory[];
}

const hexOf = (id: string) => id.replace(/^sha256:/, "");

/** The image's config in a save: `<hex>.json` (legacy) or the blob `blobs/sha256/<hex>` (OCI), by the image id. */
export function configOf(save: SaveLayers<unknown>, imageId: string): ImageConfig | undefined {
  const hex = hexOf(imageId);
  const doc = save.json.get(`${hex}.json`) ?? save.json.get(`blobs/sha256/${hex}`);
  return doc && typeof doc === "object" ? doc : undefined;
}

/** The layer paths a save's manifest.json lists for the image (legacy `Layers`, also written by OCI saves). */
export function manifestLayers(save: SaveLayers<unknown>, imageId: string): string[] | undefined {
  const hex = hexOf(imageId);
  const m = save.json.get("manifest.json");
  if (!Array.isArray(m)) return undefined;
  const entry = (m as { Config?: string; Layers?: string[] }[]).find(
    (e) => typeof e.Config === "string" && e.Config.includes(hex),
  );
  return entry?.Layers;
}

/**
 * Streams the image's `docker save` once through the index: every layer blob is read as it passes
 * and kept by its diff id. Answers the image's config, whose history names each layer's step.
 * A layer the manifest maps to another diff id than the config's is a broken save, and said so.
 */
export async function indexFromSave(
  store: LayerStore,
  host: HostConnection,
  imageId: string,
  diffIds: readonly string[],
): Promise<ImageConfig> {
  const abort = new AbortController();
  const source = await exportEngineImage(host, imageId, abort.signal);
  let save: SaveLayers<IndexedLayer>;
  try {
    save = await readSaveArchive<IndexedLayer>(source, {
      known: (diffId) => store.find(diffId),
      begin: () => {
        const w = store.begin();
        return {
          entry: (h) => {
            const row = toLayerRow(h);
            if (row) w.add(row);
          },
          finish: (diffId, tarSize) => w.finish(diffId, tarSize),
          abandon: () => w.abandon(),
        };
      },
    });
  } catch (err) {
    abort.abort();
    throw classifyEngineError(err, host.spec.id);
  }
  const config = configOf(save, imageId);
  const wanted = config?.rootfs?.diff_ids ?? [...diffIds];
  const paths = manifestLayers(save, imageId) ?? [];
  for (const [i, p] of paths.entries()) {
    const layer = save.byPath.get(save.links.get(p) ?? p);
    if (layer && wanted[i] && layer.diffId !== wanted[i])
      throw new AppError(
        "ENGINE_ERROR",
        `the save of ${imageId} holds ${p} with diff id ${layer.diffId}, where its config says ${wanted[i]}`,
      );
  }
  const missing = diffIds.filter((d) => !store.find(d));
  if (missing.length)
    throw new AppError("ENGINE_ERROR", `the save of ${imageId} did not hold the layer ${missing.join(", ")}`);
  return config ?? {};
}
