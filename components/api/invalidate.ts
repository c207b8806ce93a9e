import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** After anything that changes images: each named host's image queries, then the cross-host list once. */
export function invalidateImages(qc: QueryClient, ...hostIds: string[]): void {
  for (const hostId of hostIds) void qc.invalidateQueries({ queryKey: queryKeys.images(hostId) });
  void qc.invalidateQueries({ queryKey: queryKeys.allImages() });
}
