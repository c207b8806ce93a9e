"use client";
import { useCallback, useMemo } from "react";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { useImagesQuery } from "./queries";

/**
 * Looks up "update available" for a container's image from the image list the images page uses:
 * one cached list per host (or one for all hosts), refreshed at most once a minute, no extra calls
 * per row.
 */
export function useImageUpdateLookup(hostId?: string) {
  const list = useImagesQuery(hostId, { staleTime: 60_000 });
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
