import { fieldError, parseWith } from "../../lib/parse";
import { diffIdParamSchema, type LayerFilesQuery } from "../../lib/layers/schemas";
import type { ImageLayers, LayerFiles, StepSource } from "../../lib/layers/types";
import type { Db } from "../db/database";
import { engineImageHistory, type EngineImageInspect } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import { analyzeLayers, type Analysis } from "./analysis";
import { FolderView } from "./folder-view";
import { LayerStore, type IndexedLayer } from "./layer-store";
import { indexFromSave } from "./save-image";
import { stepsFromConfig, stepsFromHistory, type LayerStep } from "./steps";

export interface ImageRecord {
  stepSource: StepSource;
  steps: LayerStep[];
  analysis: Analysis;
}

/** The image's layers as the engine lists them in RootFS, bottom first. */
export function diffIdsOf(inspect: EngineImageInspect): string[] {
  const rootFs = inspect.RootFS as { Layers?: unknown } | undefined;
  return Array.isArray(rootFs?.Layers) ? rootFs.Layers.filter((l): l is string => typeof l === "string") : [];
}

/**
 * The layer explorer: indexes an image's layers on first use (from its save, or, when every layer
 * is indexed already, from nothing but the engine's history rows), then answers from the index.
 * Two requests for an image being indexed share the one indexing.
 */
export class LayerService {
  readonly store: LayerStore;
  private readonly inflight = new Map<string, Promise<ImageRecord>>();

  constructor(db: Db) {
    this.store = new LayerStore(db);
  }

  record(host: HostConnection, inspect: EngineImageInspect): Promise<ImageRecord> {
    const saved = this.store.findImage(inspect.Id);
    if (saved)
      return Promise.resolve({
        stepSource: saved.stepSource === "history" ? "history" : "config",
        steps: JSON.parse(saved.steps) as LayerStep[],
        analysis: JSON.parse(saved.analysis) as Analysis,
      });
    const running = this.inflight.get(inspect.Id);
    if (running) return running;
    const p = this.build(host, inspect).finally(() => this.inflight.delete(inspect.Id));
    this.inflight.set(inspect.Id, p);
    return p;
  }

  private layersOf(diffIds: readonly string[]): IndexedLayer[] | undefined {
    const layers = diffIds.map((d) => this.store.find(d));
    return layers.every((l) => l !== undefined) ? layers : undefined;
  }

  private async build(host: HostConnection, inspect: EngineImageInspect): Promise<ImageRecord> {
    const diffIds = diffIdsOf(inspect);
    let stepSource: StepSource;
    let steps: LayerStep[];
    let layers = this.layersOf(diffIds);
    if (layers) {
      const rows = await engineImageHistory(host, inspect.Id);
      steps = stepsFromHistory(
        diffIds,
        rows,
        layers.map((l) => l.size),
      ).steps;
      stepSource = "history";
    } else {
      const config = await indexFromSave(this.store, host, inspect.Id, diffIds);
      steps = stepsFromConfig(diffIds, config.history);
      stepSource = "config";
      layers = this.layersOf(diffIds) ?? [];
    }
    const ids = layers.map((l) => l.id);
    const analysis = analyzeLayers(
      ids.length,
      (i) => this.store.layerRows(ids[i] as number),
      layers.map((l) => l.size),
    );
    this.store.saveImage(inspect.Id, stepSource, steps, analysis);
    return { stepSource, steps, analysis };
  }

  async layers(host: HostConnection, inspect: EngineImageInspect): Promise<ImageLayers> {
    const { stepSource, steps, analysis } = await this.record(host, inspect);
    const diffIds = diffIdsOf(inspect);
    return {
      hostId: host.spec.id,
      imageId: inspect.Id,
      stepSource,
      items: diffIds.map((diffId, i) => {
        const layer = this.store.find(diffId);
        const s = steps[i];
        const c = analysis.layers[i];
        return {
          position: i + 1,
          diffId,
          createdBy: s?.createdBy ?? "",
          ...(s?.created !== undefined ? { created: s.created } : {}),
          ...(s?.comment ? { comment: s.comment } : {}),
          size: layer?.size ?? 0,
          tarSize: layer?.tarSize ?? 0,
          entries: layer?.entries ?? 0,
          added: c?.added ?? 0,
          modified: c?.modified ?? 0,
          deleted: c?.deleted ?? 0,
          wastedBytes: c?.wastedBytes ?? 0,
        };
      }),
      totalBytes: analysis.totalBytes,
      wastedBytes: analysis.wastedBytes,
      efficiency: analysis.efficiency,
      wasted: analysis.wasted,
      largest: analysis.largest,
    };
  }

  async files(
    host: HostConnection,
    inspect: EngineImageInspect,
    ref: string,
    diffIdParam: string,
    q: LayerFilesQuery,
  ): Promise<LayerFiles> {
    const diffId = parseWith(diffIdParamSchema, diffIdParam, "diffId: ");
    const diffIds = diffIdsOf(inspect);
    const positions = diffIds.flatMap((d, i) => (d === diffId ? [i + 1] : []));
    if (!positions.length) throw fieldError("diffId", `${diffId} is not a layer of the image ${ref}`);
    const position = q.position ?? positions[0];
    if (position === undefined || !positions.includes(position))
      throw fieldError("query.position", `layer ${q.position} of ${ref} is not ${diffId}`);
    await this.record(host, inspect);
    const ids = (this.layersOf(diffIds) ?? []).map((l) => l.id);
    return { diffId, ...new FolderView(this.store, ids).list(q.path, position, q.view, q.limit) };
  }
}
