import type { Db } from "../db/database";
import type { Principal } from "../auth/principal";

export type ImageArrival = "pull" | "build" | "load" | "tag" | "commit";

/** The owner a principal's images are recorded under: its label selector, or "" when it has none. */
export const ownerOf = (p: Principal) => p.scope.labelSelector ?? "";

/**
 * Who brought each image onto each host. Docker images carry no owner, so a label-scoped team's
 * images are known only by this record: one row per (host, image, owner), kept after the image is
 * gone, since an image id is its content and the same content brought back is the same image.
 */
export class ImageOwnerStore {
  constructor(private readonly db: Db) {}

  record(hostId: string, imageId: string, p: Principal, how: ImageArrival): void {
    if (!imageId) return;
    this.db
      .prepare(
        `INSERT INTO image_owners (host_id, image_id, owner, by_name, how, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (host_id, image_id, owner) DO NOTHING`,
      )
      .run(hostId, imageId, ownerOf(p), p.name, how, Date.now());
  }

  /** The label selectors that brought this image in ("" for an unscoped principal). */
  owners(hostId: string, imageId: string): string[] {
    return this.db
      .prepare<unknown[], { owner: string }>(
        "SELECT owner FROM image_owners WHERE host_id = ? AND image_id = ?",
      )
      .all(hostId, imageId)
      .map((r) => r.owner);
  }

  /** Every image id one owner brought onto a host. */
  ownedBy(hostId: string, owner: string): Set<string> {
    return new Set(
      this.db
        .prepare<unknown[], { image_id: string }>(
          "SELECT image_id FROM image_owners WHERE host_id = ? AND owner = ?",
        )
        .all(hostId, owner)
        .map((r) => r.image_id),
    );
  }
}
