"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { ImageLayers, LayerFiles, LayerView } from "@/lib/layers/types";
import { queryKeys } from "@/lib/query-keys";

const layersPath = (hostId: string, ref: string) =>
  `/api/v1/hosts/${encodeURIComponent(hostId)}/images/${encodeURIComponent(ref)}/layers`;

/** An image's layers with their waste: the first ask reads the image once (docker save), later ones the index. */
export function useImageLayersQuery(hostId: string, ref: string) {
  return useQuery({
    queryKey: queryKeys.imageLayers(hostId, ref),
    queryFn: () => api<ImageLayers>(layersPath(hostId, ref)),
    retry: false,
    staleTime: Infinity,
  });
}

/** One folder at one layer: that layer's own changes, or the whole tree as it stands after it. */
export function useLayerFilesQuery(
  hostId: string,
  ref: string,
  layer: { diffId: string; position: number } | undefined,
  view: LayerView,
  path: string,
) {
  return useQuery({
    queryKey: queryKeys.imageLayerFiles(
      hostId,
      ref,
      `${layer?.diffId ?? ""}@${layer?.position ?? 0}`,
      view,
      path,
    ),
    enabled: !!layer,
    retry: false,
    staleTime: Infinity,
    queryFn: () =>
      api<LayerFiles>(
        `${layersPath(hostId, ref)}/${encodeURIComponent(layer?.diffId ?? "")}/files?view=${view}&position=${layer?.position ?? 1}&path=${encodeURIComponent(path)}`,
      ),
  });
}
