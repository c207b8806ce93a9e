import { type AppError } from "../../lib/errors";
import { parseReference, registryPathOf, repositoryOf } from "../../lib/images/reference";
import type { ImageUpdateStatus } from "../../lib/images/types";
import type { RegistryRecord } from "../../lib/types";
import { digestOf, MANIFEST_ACCEPT } from "../registries/manifest";
import { RegistryClient } from "../registries/registry-client";
import type { RegistryStore } from "../registries/registry-store";
import { mapLimit } from "../map-limit";
import { registryKey } from "./registry-match";
import { toAppError } from "../errors";

export interface UpdateOptions {
  /** How long a registry's answer for one tag is trusted. */
  ttlMs: number;
  /** One manifest request, so a slow registry cannot stall the image list. */
  timeoutMs: number;
  /** Registry requests in flight at once per check. */
  concurrency: number;
}

export const DEFAULT_UPDATE_OPTIONS: UpdateOptions = { ttlMs: 60_000, timeoutMs: 3000, concurrency: 6 };

interface Remote {
  at: number;
  digest?: string;
  error?: AppError;
}

/** What a check needs of a local image: its tags and the digests it was pulled or pushed by. */
export interface LocalImage {
  id: string;
  repoTags: string[];
  repoDigests: string[];
}

/**
 * "Is there a newer image for this tag?": the digest the registry serves for the tag now against the
 * image's local repo digest. Registry answers are cached per (registry, repository, tag).
 */
export class UpdateChecker {
  private readonly cache = new Map<string, Remote>();
  private readonly inflight = new Map<string, Promise<Remote>>();
  private readonly opts: UpdateOptions;

  constructor(
    private readonly store: RegistryStore,
    overrides: Partial<UpdateOptions> = {},
  ) {
    this.opts = { ...DEFAULT_UPDATE_OPTIONS, ...overrides };
  }

  /** After a pull or push through Wharf the cached answer for that tag is stale. */
  invalidate(ref: string): void {
    const r = parseReference(ref);
    if (!r.ok) return;
    const repo = repositoryOf(r.ref);
    for (const k of this.cache.keys()) {
      const [, kRepo, kTag] = k.split("|");
      if (kRepo === repo && (!r.ref.tag || r.ref.digest || kTag === r.ref.tag)) this.cache.delete(k);
    }
  }

  /** The first tag of the image that comes from a configured registry, checked; undefined if none does. */
  async forImage(
    image: LocalImage,
    registries: RegistryRecord[],
    refresh = false,
  ): Promise<ImageUpdateStatus | undefined> {
    for (const tag of image.repoTags) {
      const registry = this.registryOf(tag, registries);
      if (registry) return this.check(tag, image, registry, refresh);
    }
    return undefined;
  }

  /** Every tracked tag of the given images, with bounded concurrency. */
  async forTags(
    images: LocalImage[],
    refresh: boolean,
  ): Promise<(ImageUpdateStatus & { imageId: string })[]> {
    const registries = this.store.list();
    const work: { tag: string; image: LocalImage; registry: RegistryRecord }[] = [];
    for (const image of images)
      for (const tag of image.repoTags) {
        const registry = this.registryOf(tag, registries);
        if (registry) work.push({ tag, image, registry });
      }
    return mapLimit(work, this.opts.concurrency, async (w) => ({
      ...(await this.check(w.tag, w.image, w.registry, refresh)),
      imageId: w.image.id,
    }));
  }

  /** Updates for many images at once (the list), with bounded concurrency. */
  async forImages(images: LocalImage[]): Promise<(ImageUpdateStatus | undefined)[]> {
    const registries = this.store.list();
    if (!registries.length) return images.map(() => undefined);
    return mapLimit(images, this.opts.concurrency, (i) => this.forImage(i, registries));
  }

  private registryOf(tag: string, registries: RegistryRecord[]): RegistryRecord | undefined {
    const r = parseReference(tag);
    if (!r.ok || !r.ref.domain) return undefined;
    return registries.find((x) => registryKey(x.url) === r.ref.domain);
  }

  private async check(
    tag: string,
    image: LocalImage,
    registry: RegistryRecord,
    refresh: boolean,
  ): Promise<ImageUpdateStatus> {
    const parsed = parseReference(tag);
    if (!parsed.ok) return { ref: tag, state: "untracked", checkedAt: Date.now() };
    const repo = repositoryOf(parsed.ref);
    const name = registryPathOf(parsed.ref);
    const tagName = parsed.ref.tag ?? "latest";
    const localDigest = image.repoDigests.find((d) => d.startsWith(`${repo}@`))?.slice(repo.length + 1);
    const remote = await this.remote(registry, name, tagName, `${registry.id}|${repo}|${tagName}`, refresh);
    const base = {
      ref: tag,
      registryId: registry.id,
      ...(localDigest ? { localDigest } : {}),
      checkedAt: remote.at,
    };
    if (remote.error) {
      if (remote.error.code === "NOT_FOUND")
        return {
          ...base,
          state: "untracked",
          message: `registry "${registry.name}" has no tag ${tagName} for ${name}`,
        };
      return { ...base, state: "error", message: remote.error.message };
    }
    const remoteDigest = remote.digest as string;
    if (!localDigest) {
      return {
        ...base,
        remoteDigest,
        state: "available",
        message:
          "this image was built or loaded here, not pulled from the registry; the registry's tag may differ",
      };
    }
    return {
      ...base,
      remoteDigest,
      state: image.repoDigests.includes(`${repo}@${remoteDigest}`) ? "current" : "available",
    };
  }

  private remote(
    registry: RegistryRecord,
    name: string,
    tag: string,
    key: string,
    refresh: boolean,
  ): Promise<Remote> {
    const hit = this.cache.get(key);
    if (hit && !refresh && Date.now() - hit.at < this.opts.ttlMs) return Promise.resolve(hit);
    const running = this.inflight.get(key);
    if (running) return running;
    const p = this.fetchDigest(registry, name, tag)
      .then((digest): Remote => ({ at: Date.now(), digest }))
      .catch((e: unknown): Remote => ({
        at: Date.now(),
        error: toAppError(e, { log: "[images] update check" }),
      }))
      .then((r) => {
        this.cache.set(key, r);
        this.inflight.delete(key);
        return r;
      });
    this.inflight.set(key, p);
    return p;
  }

  /** HEAD answers the digest without the body; registries that omit the header get a GET and a hash. */
  private async fetchDigest(registry: RegistryRecord, name: string, tag: string): Promise<string> {
    const client = new RegistryClient(this.store.target(registry.id), this.opts.timeoutMs);
    const path = `/v2/${name}/manifests/${encodeURIComponent(tag)}`;
    const head = await client.request("HEAD", path, { accept: MANIFEST_ACCEPT });
    const digest = head.headers.get("docker-content-digest");
    if (digest) return digest;
    const full = await client.request("GET", path, { accept: MANIFEST_ACCEPT });
    return full.headers.get("docker-content-digest") ?? digestOf(full.body);
  }
}
