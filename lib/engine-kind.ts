/** Which engine software serves a host's Docker API, as told by its `GET /version`. */
export const ENGINE_KINDS = ["docker", "podman"] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export interface EngineIdentity {
  kind: EngineKind;
  /** The engine's own version: Docker's, or Podman's (not the Docker API it emulates). */
  version: string;
  /** The Docker Engine API version it speaks. */
  apiVersion: string;
}

/**
 * Host actions an engine may not support. The UI hides or disables each one the host lists, with the
 * reason, rather than letting it fail.
 */
export const HOST_CAPABILITIES = ["pause", "memoryStats", "events", "liveLimits"] as const;
export type HostCapability = (typeof HOST_CAPABILITIES)[number];

export interface DisabledCapability {
  capability: HostCapability;
  /** The engine difference that disables it: an id of the quirk table (docs/podman.md). */
  quirk: string;
  /** The reason, in English, for API clients; the UI shows its own translation of the quirk. */
  reason: string;
}

/** "Podman 4.3.1, Docker API 1.41 compatible" and the like, in English for logs. */
export function engineLabel(e: EngineIdentity): string {
  return e.kind === "podman"
    ? `Podman ${e.version}, Docker API ${e.apiVersion} compatible`
    : `Docker ${e.version}, API ${e.apiVersion}`;
}
