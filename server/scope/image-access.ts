import { AppError } from "../../lib/errors";
import type { ImageSummary, PruneResult } from "../../lib/images/types";
import { scopeAllowsLabels } from "../../lib/permissions";
import type { Principal } from "../auth/principal";
import type { HostConnection } from "../engines/host-connection";
import {
  inspectEngineImage,
  listEngineImages,
  listImageUsers,
  removeEngineImage,
  tagEngineImage,
  type EngineImageInspect,
  type ImageUserRow,
} from "../engines/images";
import { ifFound } from "../errors";
import { ownerOf, type ImageOwnerStore } from "./image-owners";
import { isLabelScoped } from "./targets";

/**
 * What a principal wants with an image: to see it; to run a container from it; to change it
 * without breaking anyone (tag, push, export); or to remove or untag it.
 */
export type ImageIntent = "read" | "run" | "change" | "remove";

export interface ImageTarget {
  /** The reference as asked for (the engine resolves it the same way every time). */
  ref: string;
  inspect: EngineImageInspect;
}

interface Standing {
  own: boolean;
  usedInside: boolean;
  usedOutside: boolean;
  ownedByOthers: boolean;
}

function standing(
  owners: ImageOwnerStore,
  hostId: string,
  p: Principal,
  imageId: string,
  users: ImageUserRow[],
): Standing {
  const mine = ownerOf(p);
  const recorded = owners.owners(hostId, imageId);
  const on = users.filter((c) => c.imageId === imageId);
  return {
    own: recorded.includes(mine),
    usedInside: on.some((c) => scopeAllowsLabels(p.scope, c.labels)),
    usedOutside: on.some((c) => !scopeAllowsLabels(p.scope, c.labels)),
    // An unscoped principal's pulls make an image nobody's in particular: the fleet's base images.
    ownedByOthers: recorded.some((o) => o !== "" && o !== mine),
  };
}

/** Another team's own image, or one its containers run: not to be changed from outside. */
const free = (s: Standing) => !s.ownedByOthers && !s.usedOutside;

/**
 * The image a principal may reach for `intent`, or 404 exactly like a missing one. Host-scoped and
 * unscoped principals see the host's images as the engine does. A label-scoped principal sees what
 * its team brought in, what its containers use, and images nobody else owns or uses; it changes
 * only its own or such free images, and never removes one that a container outside its scope runs.
 */
export async function imageInScope(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  ref: string,
  intent: ImageIntent,
  field = "id",
): Promise<ImageTarget> {
  // One wording for a missing image and one out of scope, whatever the engine's own wording is.
  const missing = () => new AppError("NOT_FOUND", `No such image: ${ref}`, { hostId: host.spec.id });
  const inspect = await inspectEngineImage(host, ref).catch((err: unknown) => {
    throw err instanceof AppError && err.code === "NOT_FOUND" ? missing() : err;
  });
  if (!isLabelScoped(p)) return { ref, inspect };
  const s = standing(owners, host.spec.id, p, inspect.Id, await listImageUsers(host));
  // Running an image another team brought in would hand over its contents; shared base images are fine.
  const runnable = s.own || s.usedInside || !s.ownedByOthers;
  if (intent === "run" ? !runnable : !s.own && !s.usedInside && !free(s)) throw missing();
  if (intent === "change" && !s.own && !free(s)) {
    throw new AppError(
      "FORBIDDEN",
      `${field}: ${ref} is shared with containers outside your scope; you may change only images your team brought in, or that no other team owns or uses`,
    );
  }
  if (intent === "remove" && (s.usedOutside || (!s.own && s.ownedByOthers))) {
    throw new AppError(
      "FORBIDDEN",
      `${field}: ${ref} is in use outside your scope; removing or untagging it would change containers you cannot see`,
    );
  }
  return { ref, inspect };
}

/**
 * A name (`repo:tag`) a label-scoped principal is about to give an image, by tag, build, pull or
 * push: if it already names an image, that image loses the name, which is a change to it. So the
 * image must be one the principal could untag; another team's name is refused, not moved.
 */
export async function requireNameAvailable(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  name: string,
  field: string,
): Promise<void> {
  if (!isLabelScoped(p)) return;
  const current = await ifFound(inspectEngineImage(host, name));
  if (!current) return;
  const s = standing(owners, host.spec.id, p, current.Id, await listImageUsers(host));
  if (s.usedOutside || (!s.own && s.ownedByOthers)) {
    throw new AppError(
      "CONFLICT",
      `${field}: ${name} already names an image outside your scope; choose another name`,
      { field },
    );
  }
}

/** Every `repo:tag` on a host, with the image it names now. */
export async function namesOnHost(host: HostConnection): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const i of await listEngineImages(host))
    for (const t of i.RepoTags ?? []) if (t !== "<none>:<none>") names.set(t, i.Id);
  return names;
}

/**
 * A load names its images from inside the tar, so it cannot be checked before the engine reads it.
 * Afterwards, every name the load took from an image the principal could not untag is given back
 * to that image, and the load is answered 409 naming them: the other team's names stay as they were.
 */
export async function giveBackTakenNames(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  before: Map<string, string>,
): Promise<void> {
  if (!isLabelScoped(p)) return;
  const after = await namesOnHost(host);
  const users = await listImageUsers(host);
  const taken: string[] = [];
  for (const [name, oldId] of before) {
    const newId = after.get(name);
    if (!newId || newId === oldId) continue;
    const s = standing(owners, host.spec.id, p, oldId, users);
    if (!s.usedOutside && (s.own || !s.ownedByOthers)) continue;
    const at = name.lastIndexOf(":");
    await tagEngineImage(host, oldId, name.slice(0, at), name.slice(at + 1));
    taken.push(name);
  }
  if (taken.length) {
    throw new AppError(
      "CONFLICT",
      `body: the tar names ${taken.join(", ")}, which already name images outside your scope; those names were left as they were (the images themselves were loaded)`,
      { field: "body", names: taken },
    );
  }
}

/** A host's image list as the principal may see it: for a label scope, its own and those its containers use. */
export async function imagesInScope(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  items: ImageSummary[],
): Promise<ImageSummary[]> {
  if (!isLabelScoped(p)) return items;
  const { own, inside } = await labelScopedImages(owners, host, p);
  return items
    .filter((i) => own.has(i.id) || inside.has(i.id))
    .map((i) => ({ ...i, containers: inside.get(i.id) ?? 0 }));
}

/**
 * For a label scope, the images it may see on a host by id: those it made or pulled, and those its
 * containers use (with how many of them).
 */
export async function labelScopedImages(owners: ImageOwnerStore, host: HostConnection, p: Principal) {
  const own = owners.ownedBy(host.spec.id, ownerOf(p));
  // In-scope containers per image, counted once for the whole list.
  const inside = new Map<string, number>();
  for (const c of await listImageUsers(host))
    if (scopeAllowsLabels(p.scope, c.labels)) inside.set(c.imageId, (inside.get(c.imageId) ?? 0) + 1);
  return { own, inside };
}

/**
 * A label-scoped prune: the engine's prune is host-wide, so Wharf removes, one by one, the team's
 * own images that no container uses (untagged ones only, unless `all`), and never forces.
 */
export async function pruneOwnImages(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  all: boolean,
  labels: string[] = [],
): Promise<PruneResult> {
  const [images, users] = await Promise.all([listEngineImages(host), listImageUsers(host)]);
  const own = owners.ownedBy(host.spec.id, ownerOf(p));
  const used = new Set(users.map((c) => c.imageId));
  const labelled = (l: Record<string, string> | null | undefined) =>
    labels.every((sel) => {
      const [k = "", v] = sel.split("=", 2);
      return v === undefined ? Object.hasOwn(l ?? {}, k) : l?.[k] === v;
    });
  const candidates = images.filter(
    (i) =>
      own.has(i.Id) &&
      !used.has(i.Id) &&
      labelled(i.Labels) &&
      (all || !(i.RepoTags ?? []).some((t) => t !== "<none>:<none>")),
  );
  const deleted: string[] = [];
  let spaceReclaimed = 0;
  for (const i of candidates) {
    try {
      const r = await removeEngineImage(host, i.Id, { force: false, noprune: false });
      deleted.push(...(r ?? []).map((d) => d.Deleted).filter((d): d is string => !!d));
      spaceReclaimed += i.Size;
    } catch {
      // Another image still builds on it, or it went in the meantime: a prune skips, as the engine's does.
    }
  }
  return { deleted, spaceReclaimed };
}
