import type { DisabledCapability, EngineIdentity } from "./engine-kind";
import type { Locale } from "./i18n/locales";
export const HOST_KINDS = ["unix", "tcp", "tls", "ssh"] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const HOST_STATUSES = ["up", "down", "connecting"] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

export interface HostSummary {
  id: string;
  name: string;
  kind: HostKind;
  status: HostStatus;
  engineVersion?: string;
  apiVersion?: string;
  /** Which engine serves the API (Docker or Podman), once the host has been reached. */
  engine?: EngineIdentity;
  /** Actions this host's engine cannot do, with the reason; absent when it can do them all. */
  disabled?: DisabledCapability[];
  error?: string;
  /** Epoch ms of the last status change. */
  since: number;
  /** "config": from WHARF_HOSTS or the local engine, read-only in the UI; "managed": added by an admin. */
  source: "config" | "managed";
  /** Admins only: where the engine is. */
  url?: string;
  /** Admins only: the fail-over address in use, when the host's own stopped answering. */
  via?: string;
}

export const CONTAINER_STATES = [
  "created",
  "running",
  "paused",
  "restarting",
  "removing",
  "exited",
  "dead",
] as const;
export type ContainerState = (typeof CONTAINER_STATES)[number];

export interface PortBinding {
  privatePort: number;
  publicPort?: number;
  ip?: string;
  type: string;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  /** Epoch seconds, as the engine reports it. */
  created: number;
  labels: Record<string, string>;
  ports: PortBinding[];
  hostId: string;
}

export interface HostListError {
  hostId: string;
  code: string;
  message: string;
}

export interface ContainerList {
  items: ContainerSummary[];
  /** Hosts that could not be listed; the merged list says so instead of silently omitting them. */
  errors?: HostListError[];
  /** With `limit`: how many containers the whole list holds, and how many of them run. */
  total?: number;
  running?: number;
}

export const CONTAINER_ACTIONS = ["start", "stop", "restart", "kill", "pause", "unpause"] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

export const BULK_ACTIONS = [...CONTAINER_ACTIONS, "remove"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkResult {
  hostId: string;
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

export interface SessionUser {
  id: number;
  username: string;
  role: "viewer" | "operator" | "admin";
  /** "*" for every host, or the host ids this user may see. */
  hosts: "*" | string[];
  /** `key` or `key=value`: within those hosts, only containers with this label. */
  labelSelector?: string;
  /** The user's own language; absent follows the browser. */
  locale?: Locale;
}

/** What GET /auth/me answers: a user, or an API token acting as one. */
export interface MeUser extends SessionUser {
  kind: "user" | "token";
}

export interface UserRecord extends SessionUser {
  disabled: boolean;
  createdAt: number;
}

export interface SessionRecord {
  id: string;
  userId: number;
  username: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip?: string;
  userAgent?: string;
  current?: boolean;
}

export interface TokenRecord {
  id: number;
  name: string;
  role: SessionUser["role"];
  hosts: "*" | string[];
  labelSelector?: string;
  createdBy: string;
  createdAt: number;
  lastUsedAt?: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  user: string;
  ip?: string;
  hostId?: string;
  target?: string;
  action: string;
  params?: unknown;
  result: "ok" | "error";
  error?: string;
}

export interface ContainerDetail {
  hostId: string;
  /** The engine's inspect document, untouched. */
  inspect: Record<string, unknown>;
  derived: {
    name: string;
    shortId: string;
    state: ContainerState;
    health?: string;
    startedAt?: string;
    finishedAt?: string;
    uptimeSeconds?: number;
  };
}

/** A container registry as the API shows it: the password itself never leaves the server. */
export interface RegistryRecord {
  id: number;
  name: string;
  /** Normalized: scheme, host and port, no trailing slash. */
  url: string;
  /** Shown to admins only. */
  username?: string;
  hasPassword: boolean;
  createdAt: number;
}

/** One page of a registry listing; `next` is the `last` value that fetches the following page. */
export interface RegistryPage {
  items: string[];
  next?: string;
}

export interface RegistryDescriptor {
  digest: string;
  size: number;
  mediaType?: string;
}

/** One entry of a manifest list or OCI index; attestations show as os "unknown". */
export interface RegistryPlatform extends RegistryDescriptor {
  os: string;
  architecture: string;
  variant?: string;
}

export interface RegistryTagDetail {
  repository: string;
  /** The tag, or the digest when a manifest was asked for by digest. */
  reference: string;
  digest: string;
  mediaType: string;
  kind: "manifest" | "index";
  /** A manifest: config plus layers. An index: the sum of its manifests' own sizes (not their layers). */
  size: number;
  config?: RegistryDescriptor;
  layers: RegistryDescriptor[];
  platforms?: RegistryPlatform[];
  /** From the image config blob, when the registry serves it. */
  created?: string;
  os?: string;
  architecture?: string;
}
