"use client";
import { useCallback, useMemo } from "react";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { useRegistriesQuery } from "@/components/hooks/registry-queries";
import { useImagesQuery } from "./queries";

/**
 * Looks up "update available" for a container's image from the image list the images page uses:
 * one cached list per host (or one for all hosts), refreshed at most once a minute, no extra calls
 * per row. That list asks every host for its disk usage, so a page asks for it only once its own
 * rows are on screen (`enabled`), and only when a registry is configured: the server checks tags
 * against configured registries alone, so without one no image has an update to show.
 */
export function useImageUpdateLookup(hostId?: string, enabled = true) {
  const registries = useRegistriesQuery({ enabled });
  const tracked = (registries.data?.items.length ?? 0) > 0;
  const list = useImagesQuery(hostId, { staleTime: 60_000, enabled: enabled && tracked });
  const byRef = useMemo(() => {
    const m = new Map<string, ImageUpdateStatus>();
    for (const i of list.data?.items ?? []) {
      if (i.update?.state !== "available") continue;
      for (const t of i.repoTags) m.set(`${i.hostId}/${t}`, i.update);
    }
    return m;
  }, [list.data]);
  return useCallback(
    (host: string, image: string) =>
      byRef.size === 0
        ? undefined
        : (byRef.get(`${host}/${image}`) ??
          (image.includes(":") ? undefined : byRef.get(`${host}/${image}:latest`))),
    [byRef],
  );
}
