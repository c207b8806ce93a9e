import { describe, expect, it } from "vitest";
import {
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  digestOf,
  imageConfigFacts,
  isImageConfig,
  ManifestError,
  OCI_INDEX,
  OCI_MANIFEST,
  summarizeManifest,
} from "./manifest";

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

const V2 = {
  schemaVersion: 2,
  mediaType: DOCKER_MANIFEST,
  config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 943, digest: d(1) },
  layers: [
    { mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 1_069_214, digest: d(2) },
    { mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 100, digest: d(3) },
  ],
};

describe("summarizeManifest", () => {
  it("sums config and layers of a v2 manifest", () => {
    const s = summarizeManifest(V2, DOCKER_MANIFEST);
    expect(s.kind).toBe("manifest");
    expect(s.mediaType).toBe(DOCKER_MANIFEST);
    expect(s.size).toBe(943 + 1_069_214 + 100);
    expect(s.config?.digest).toBe(d(1));
    expect(s.layers.map((l) => [l.digest, l.size])).toEqual([
      [d(2), 1_069_214],
      [d(3), 100],
    ]);
    expect(s.platforms).toBeUndefined();
  });

  it("takes the media type from the header when an OCI manifest leaves it out", () => {
    const { mediaType: _m, ...oci } = V2;
    expect(summarizeManifest(oci, `${OCI_MANIFEST}; charset=utf-8`).mediaType).toBe(OCI_MANIFEST);
    expect(summarizeManifest(oci, null).mediaType).toBe(OCI_MANIFEST);
  });

  it("lists the platforms of a manifest list", () => {
    const s = summarizeManifest(
      {
        schemaVersion: 2,
        mediaType: DOCKER_MANIFEST_LIST,
        manifests: [
          {
            mediaType: DOCKER_MANIFEST,
            size: 527,
            digest: d(4),
            platform: { os: "linux", architecture: "amd64" },
          },
          {
            mediaType: DOCKER_MANIFEST,
            size: 528,
            digest: d(5),
            platform: { os: "linux", architecture: "arm", variant: "v7" },
          },
        ],
      },
      DOCKER_MANIFEST_LIST,
    );
    expect(s.kind).toBe("index");
    expect(s.size).toBe(1055);
    expect(s.layers).toEqual([]);
    expect(s.platforms).toEqual([
      { digest: d(4), size: 527, mediaType: DOCKER_MANIFEST, os: "linux", architecture: "amd64" },
      {
        digest: d(5),
        size: 528,
        mediaType: DOCKER_MANIFEST,
        os: "linux",
        architecture: "arm",
        variant: "v7",
      },
    ]);
  });

  it("reads an OCI index, attestations included as unknown platforms", () => {
    const s = summarizeManifest(
      {
        schemaVersion: 2,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            size: 480,
            digest: d(6),
            platform: { os: "linux", architecture: "arm64" },
          },
          {
            mediaType: OCI_MANIFEST,
            size: 566,
            digest: d(7),
            platform: { os: "unknown", architecture: "unknown" },
            annotations: { "vnd.docker.reference.type": "attestation-manifest" },
          },
        ],
      },
      OCI_INDEX,
    );
    expect(s.mediaType).toBe(OCI_INDEX);
    expect(s.kind).toBe("index");
    expect(s.platforms?.map((p) => `${p.os}/${p.architecture}`)).toEqual(["linux/arm64", "unknown/unknown"]);
  });

  it("refuses schema 1 and things that are no manifest", () => {
    expect(() => summarizeManifest({ schemaVersion: 1, fsLayers: [] })).toThrow(ManifestError);
    expect(() => summarizeManifest({ hello: "world" })).toThrow(/without config or layers/);
    expect(() => summarizeManifest("nope")).toThrow(ManifestError);
    expect(() => summarizeManifest({ layers: [{ digest: d(1), size: -1 }] })).toThrow(ManifestError);
  });
});

describe("image config and digests", () => {
  it("keeps a valid created time, os and architecture", () => {
    expect(imageConfigFacts({ created: "2024-05-01T10:00:00Z", os: "linux", architecture: "amd64" })).toEqual(
      {
        created: "2024-05-01T10:00:00Z",
        os: "linux",
        architecture: "amd64",
      },
    );
    expect(imageConfigFacts({ created: "yesterday", os: 3 })).toEqual({});
    expect(imageConfigFacts(null)).toEqual({});
  });

  it("fetches only small image configs", () => {
    expect(
      isImageConfig({ digest: d(1), size: 900, mediaType: "application/vnd.oci.image.config.v1+json" }),
    ).toBe(true);
    expect(
      isImageConfig({ digest: d(1), size: 900, mediaType: "application/vnd.cncf.helm.config.v1+json" }),
    ).toBe(false);
    expect(isImageConfig({ digest: d(1), size: 50 * 1024 * 1024 })).toBe(false);
    expect(isImageConfig(undefined)).toBe(false);
  });

  it("computes a sha256 content digest", () => {
    expect(digestOf(Buffer.from(""))).toBe(
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});
