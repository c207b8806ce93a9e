import type { Permission } from "../../lib/permissions";
import type { RouteScope } from "../scope/declared";

/**
 * What a call through the Docker endpoint touches, in the UI's own scope model (server/scope), plus
 * two the Engine API names differently: an exec instance (its container decides) and `/commit`
 * (the container is in the query).
 */
export type DockerTarget = RouteScope | "exec" | "commit";

/** Lists whose answer a label scope filters, item by item or event by event. */
export type ListKind = "containers" | "images" | "volumes" | "networks" | "events";

export interface Allowed {
  access: Permission;
  scope: DockerTarget;
  list?: ListKind;
  /** Bodies checked as the create form's are: labels, references, and settings that reach the host. */
  check?:
    | "container-create"
    | "exec-create"
    | "build"
    | "image-write"
    | "volume-create"
    | "network-create"
    | "network-connect";
  /** Recorded in the audit log although it changes nothing (reads of files and processes). */
  audited?: true;
}

export interface Refused {
  refused: string;
}

export type Policy = Allowed | Refused;

const read = (scope: DockerTarget, more: Partial<Allowed> = {}): Allowed => ({
  access: "read",
  scope,
  ...more,
});
const operate = (scope: DockerTarget, more: Partial<Allowed> = {}): Allowed => ({
  access: "operate",
  scope,
  ...more,
});
const admin = (scope: DockerTarget): Allowed => ({ access: "admin", scope });

const SWARM =
  "swarm membership and cluster settings (init, join, leave, update, unlock) are not passed through: run them on the node, with the engine's own socket";

/**
 * Every operation of the Engine API (1.41) Wharf serves, by `METHOD /path` as the API's definition
 * writes it. A path that is not here is refused, never passed: the test in policy.test.ts fails when
 * the definition has an operation this table does not classify.
 *
 * - read: list and inspect; a label scope sees its own objects only.
 * - operate: lifecycle, exec, logs, files, pulls and builds, on objects in scope.
 * - admin: what reaches the whole host or the cluster (plugins, swarm secrets), never for a label scope.
 */
export const POLICY: Readonly<Record<string, Policy>> = {
  "GET /_ping": read("host"),
  "HEAD /_ping": read("host"),
  "GET /version": read("host"),
  "GET /info": read("host"),
  "GET /events": read("host", { list: "events" }),
  "GET /system/df": read("whole-host"),
  "POST /auth": {
    refused: "registry sign-in through the endpoint is not allowed: add the registry in Wharf (Registries)",
  },
  "POST /session": {
    refused: "BuildKit sessions are not passed through: build with DOCKER_BUILDKIT=0 (the classic builder)",
  },

  "GET /containers/json": read("host", { list: "containers" }),
  "POST /containers/create": operate("host", { check: "container-create" }),
  "GET /containers/{id}/json": read("container"),
  "GET /containers/{id}/top": read("container"),
  "GET /containers/{id}/logs": operate("container"),
  "GET /containers/{id}/changes": read("container"),
  "GET /containers/{id}/export": operate("container", { audited: true }),
  "GET /containers/{id}/stats": read("container"),
  "POST /containers/{id}/resize": operate("container"),
  "POST /containers/{id}/start": operate("container"),
  "POST /containers/{id}/stop": operate("container"),
  "POST /containers/{id}/restart": operate("container"),
  "POST /containers/{id}/kill": operate("container"),
  "POST /containers/{id}/update": operate("container"),
  "POST /containers/{id}/rename": operate("container"),
  "POST /containers/{id}/pause": operate("container"),
  "POST /containers/{id}/unpause": operate("container"),
  "POST /containers/{id}/attach": operate("container"),
  "GET /containers/{id}/attach/ws": operate("container"),
  "POST /containers/{id}/wait": read("container"),
  "DELETE /containers/{id}": operate("container"),
  "HEAD /containers/{id}/archive": operate("container", { audited: true }),
  "GET /containers/{id}/archive": operate("container", { audited: true }),
  "PUT /containers/{id}/archive": operate("container"),
  "POST /containers/prune": operate("whole-host"),
  "POST /containers/{id}/exec": operate("container", { check: "exec-create" }),
  "POST /exec/{id}/start": operate("exec", { audited: true }),
  "POST /exec/{id}/resize": operate("exec"),
  "GET /exec/{id}/json": read("exec"),
  "POST /commit": operate("commit", { check: "image-write" }),

  "GET /images/json": read("host", { list: "images" }),
  "POST /build": operate("host", { check: "build" }),
  "POST /build/prune": operate("whole-host"),
  "POST /images/create": operate("host", { check: "image-write" }),
  "GET /images/{name}/json": read("image"),
  "GET /images/{name}/history": read("image"),
  "POST /images/{name}/push": operate("image:change"),
  "POST /images/{name}/tag": operate("image:change", { check: "image-write" }),
  "DELETE /images/{name}": operate("image:remove"),
  "GET /images/search": read("host"),
  "POST /images/prune": operate("whole-host"),
  "GET /images/{name}/get": read("image:change"),
  "GET /images/get": read("whole-host"),
  "POST /images/load": operate("host", { check: "image-write" }),
  "GET /distribution/{name}/json": operate("host"),

  "GET /volumes": read("host", { list: "volumes" }),
  "POST /volumes/create": operate("host", { check: "volume-create" }),
  "GET /volumes/{name}": read("volume"),
  "DELETE /volumes/{name}": operate("volume"),
  "POST /volumes/prune": operate("whole-host"),

  "GET /networks": read("host", { list: "networks" }),
  "GET /networks/{id}": read("network"),
  "DELETE /networks/{id}": operate("network"),
  "POST /networks/create": operate("host", { check: "network-create" }),
  "POST /networks/{id}/connect": operate("network", { check: "network-connect" }),
  "POST /networks/{id}/disconnect": operate("network", { check: "network-connect" }),
  "POST /networks/prune": operate("whole-host"),

  "GET /plugins": read("whole-host"),
  "GET /plugins/privileges": read("whole-host"),
  "POST /plugins/pull": admin("whole-host"),
  "GET /plugins/{name}/json": read("whole-host"),
  "DELETE /plugins/{name}": admin("whole-host"),
  "POST /plugins/{name}/enable": admin("whole-host"),
  "POST /plugins/{name}/disable": admin("whole-host"),
  "POST /plugins/{name}/upgrade": admin("whole-host"),
  "POST /plugins/create": admin("whole-host"),
  "POST /plugins/{name}/push": admin("whole-host"),
  "POST /plugins/{name}/set": admin("whole-host"),

  "GET /swarm": read("whole-host"),
  "GET /nodes": read("whole-host"),
  "GET /nodes/{id}": read("whole-host"),
  "GET /services": read("whole-host"),
  "GET /services/{id}": read("whole-host"),
  "GET /services/{id}/logs": operate("whole-host"),
  "GET /tasks": read("whole-host"),
  "GET /tasks/{id}": read("whole-host"),
  "GET /tasks/{id}/logs": operate("whole-host"),
  "GET /secrets": admin("whole-host"),
  "GET /secrets/{id}": admin("whole-host"),
  "GET /configs": admin("whole-host"),
  "GET /configs/{id}": admin("whole-host"),
  // Cluster membership, its keys and its settings stay with the engine's own socket, as in the UI.
  "GET /swarm/unlockkey": { refused: SWARM },
  "POST /swarm/init": { refused: SWARM },
  "POST /swarm/join": { refused: SWARM },
  "POST /swarm/leave": { refused: SWARM },
  "POST /swarm/update": { refused: SWARM },
  "POST /swarm/unlock": { refused: SWARM },
  // Nodes, services, secrets and configs belong to the whole swarm: an unscoped admin changes them,
  // as on the Swarm pages, so `docker service …` and `docker stack deploy/rm` work through Wharf.
  "DELETE /nodes/{id}": admin("whole-host"),
  "POST /nodes/{id}/update": admin("whole-host"),
  "POST /services/create": admin("whole-host"),
  "DELETE /services/{id}": admin("whole-host"),
  "POST /services/{id}/update": admin("whole-host"),
  "POST /secrets/create": admin("whole-host"),
  "DELETE /secrets/{id}": admin("whole-host"),
  "POST /secrets/{id}/update": admin("whole-host"),
  "POST /configs/create": admin("whole-host"),
  "DELETE /configs/{id}": admin("whole-host"),
  "POST /configs/{id}/update": admin("whole-host"),
};

export const isRefused = (p: Policy): p is Refused => "refused" in p;
