import crypto from "node:crypto";
import { z } from "zod";
import type { RegistryDescriptor, RegistryPlatform } from "../../lib/types";
import { fieldIn } from "../../lib/parse";

export const DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
export const DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

/** Without these a registry may answer a converted schema 1 manifest, whose digest deletes nothing. */
export const MANIFEST_ACCEPT = [DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST, OCI_INDEX];

const INDEX_TYPES = new Set([DOCKER_MANIFEST_LIST, OCI_INDEX]);

/** A manifest this module cannot read; the caller names the registry. */
export class ManifestError extends Error {}

const descriptorSchema = z.object({
  mediaType: z.string().optional(),
  digest: z.string().min(1),
  size: z.number().int().nonnegative(),
});

const manifestSchema = z.object({
  schemaVersion: z.number().optional(),
  mediaType: z.string().optional(),
  config: descriptorSchema.optional(),
  layers: z.array(descriptorSchema).optional(),
  manifests: z
    .array(
      descriptorSchema.extend({
        platform: z
          .object({ os: z.string(), architecture: z.string(), variant: z.string().optional() })
          .partial()
          .optional(),
      }),
    )
    .optional(),
});

export interface ManifestSummary {
  mediaType: string;
  kind: "manifest" | "index";
  /** A manifest: config plus layers. An index: the sum of its manifests' own sizes. */
  size: number;
  config?: RegistryDescriptor;
  layers: RegistryDescriptor[];
  platforms?: RegistryPlatform[];
}

const descriptor = (d: z.infer<typeof descriptorSchema>): RegistryDescriptor => ({
  digest: d.digest,
  size: d.size,
  ...(d.mediaType ? { mediaType: d.mediaType } : {}),
});

/** Reads a v2 manifest, a manifest list or an OCI manifest or index (whose mediaType field is optional). */
export function summarizeManifest(doc: unknown, contentType?: string | null): ManifestSummary {
  const parsed = manifestSchema.safeParse(doc);
  if (!parsed.success) throw new ManifestError("answered a manifest Wharf cannot read");
  const m = parsed.data;
  if (m.schemaVersion === 1)
    throw new ManifestError("answered a schema 1 manifest, which Wharf does not read");
  const header = contentType?.split(";")[0]?.trim();
  const isIndex = m.manifests !== undefined || INDEX_TYPES.has(m.mediaType ?? header ?? "");
  const mediaType = m.mediaType ?? header ?? (isIndex ? OCI_INDEX : OCI_MANIFEST);
  if (isIndex) {
    const platforms = (m.manifests ?? []).map((d): RegistryPlatform => ({
      ...descriptor(d),
      os: d.platform?.os ?? "unknown",
      architecture: d.platform?.architecture ?? "unknown",
      ...(d.platform?.variant ? { variant: d.platform.variant } : {}),
    }));
    return {
      mediaType,
      kind: "index",
      size: platforms.reduce((n, p) => n + p.size, 0),
      layers: [],
      platforms,
    };
  }
  if (!m.config && !m.layers) throw new ManifestError("answered a manifest without config or layers");
  const layers = (m.layers ?? []).map(descriptor);
  return {
    mediaType,
    kind: "manifest",
    size: layers.reduce((n, l) => n + l.size, m.config?.size ?? 0),
    ...(m.config ? { config: descriptor(m.config) } : {}),
    layers,
  };
}

/** The fields of an image config blob worth showing; anything missing or odd is left out. */
export function imageConfigFacts(doc: unknown): { created?: string; os?: string; architecture?: string } {
  const str = (key: string) => {
    const v = fieldIn(doc, key);
    return typeof v === "string" && v ? v : undefined;
  };
  const created = str("created");
  const os = str("os");
  const architecture = str("architecture");
  return {
    ...(created && !Number.isNaN(Date.parse(created)) ? { created } : {}),
    ...(os ? { os } : {}),
    ...(architecture ? { architecture } : {}),
  };
}

/** The content digest of a manifest, for registries that leave out Docker-Content-Digest. */
export function digestOf(body: Buffer): string {
  return `sha256:${crypto.createHash("sha256").update(body).digest("hex")}`;
}

/** Whether the config blob is an image config, worth fetching for its creation time. */
export function isImageConfig(config: RegistryDescriptor | undefined): config is RegistryDescriptor {
  return (
    !!config &&
    config.size <= 1024 * 1024 &&
    (config.mediaType === undefined ||
      config.mediaType === "application/vnd.docker.container.image.v1+json" ||
      config.mediaType === "application/vnd.oci.image.config.v1+json")
  );
}
