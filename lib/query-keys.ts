/** The only place query keys are built: everything is rooted at the host, so an engine event can invalidate precisely. */
export const queryKeys = {
  me: () => ["me"] as const,
  hosts: () => ["hosts"] as const,
  host: (hostId: string) => ["hosts", hostId] as const,
  hostInfo: (hostId: string) => ["hosts", hostId, "info"] as const,
  containers: (hostId: string) => ["hosts", hostId, "containers"] as const,
  container: (hostId: string, id: string) => ["hosts", hostId, "containers", "detail", id] as const,
  allContainers: () => ["hosts", "*", "containers"] as const,
  quotas: (hostId: string) => ["hosts", hostId, "quotas"] as const,
  allQuotas: () => ["hosts", "*", "quotas"] as const,
  /** Stored stats of one container over a range (`1h`, `24h`, …). */
  containerHistory: (hostId: string, id: string, range: string) =>
    ["hosts", hostId, "containers", "history", id, range] as const,
  /** Stored stats of a compose service, across its containers' recreates. */
  serviceHistory: (hostId: string, project: string, service: string, range: string) =>
    ["hosts", hostId, "containers", "history", "service", project, service, range] as const,
  /** Stored totals of a host (every container summed). */
  hostHistory: (hostId: string, range: string) => ["hosts", hostId, "history", range] as const,
  namespaces: (hostId: string, id: string) => ["hosts", hostId, "containers", "namespaces", id] as const,
  /**
   * A container's files: one folder, and a file's preview. Outside the container subtree, so its
   * events (a health check, a restart) do not read a large folder again; an upload refreshes them.
   */
  containerFilesAll: (hostId: string, id: string) => ["hosts", hostId, "files", id] as const,
  containerFiles: (hostId: string, id: string, path: string) => ["hosts", hostId, "files", id, path] as const,
  containerFilePreview: (hostId: string, id: string, path: string) =>
    ["hosts", hostId, "files", id, "preview", path] as const,
  containerChanges: (hostId: string, id: string) => ["hosts", hostId, "containers", "changes", id] as const,
  /** Every image query of a host (list, detail, history, updates): what an image event invalidates. */
  images: (hostId: string) => ["hosts", hostId, "images"] as const,
  imageList: (hostId: string) => ["hosts", hostId, "images", "list"] as const,
  image: (hostId: string, id: string) => ["hosts", hostId, "images", "detail", id] as const,
  imageHistory: (hostId: string, id: string) => ["hosts", hostId, "images", "history", id] as const,
  imageUpdates: (hostId: string) => ["hosts", hostId, "images", "updates"] as const,
  /** The layer explorer: an image's layers, and one folder of one layer. */
  imageLayers: (hostId: string, id: string) => ["hosts", hostId, "images", "layers", id] as const,
  imageLayerFiles: (hostId: string, id: string, diffId: string, view: string, path: string) =>
    ["hosts", hostId, "images", "layers", id, diffId, view, path] as const,
  allImages: () => ["hosts", "*", "images"] as const,
  // Docker Hub search: not an engine object, so outside the host tree.
  hubSearch: (term: string) => ["hub", "search", term] as const,
  // Volumes, networks and the engine's own view of a host: under the host, so its events reach them.
  volumes: (hostId: string) => ["hosts", hostId, "volumes"] as const,
  allVolumes: () => ["hosts", "*", "volumes"] as const,
  networks: (hostId: string) => ["hosts", hostId, "networks"] as const,
  allNetworks: () => ["hosts", "*", "networks"] as const,
  system: (hostId: string) => ["hosts", hostId, "system"] as const,
  diskUsage: (hostId: string) => ["hosts", hostId, "system", "df"] as const,
  prunePreview: (hostId: string) => ["hosts", hostId, "system", "prune-preview"] as const,
  engineEvents: (hostId: string) => ["hosts", hostId, "system", "events"] as const,
  containerSpec: (hostId: string, id: string) => ["hosts", hostId, "containers", "spec", id] as const,
  // Compose stacks: under the host, so its container events reach a stack's detail and the list.
  stacks: (hostId: string) => ["hosts", hostId, "stacks"] as const,
  stack: (hostId: string, name: string) => ["hosts", hostId, "stacks", "detail", name] as const,
  stackRevisions: (hostId: string, name: string) => ["hosts", hostId, "stacks", "revisions", name] as const,
  stackRevision: (hostId: string, name: string, revision: number) =>
    ["hosts", hostId, "stacks", "revisions", name, revision] as const,
  allStacks: () => ["hosts", "*", "stacks"] as const,
  /** What deploying a stored revision would do now; it follows the host's containers, so it sits under the host. */
  stackPlan: (hostId: string, name: string, revision?: number) =>
    ["hosts", hostId, "stacks", "plan", name, revision ?? "current"] as const,
  /** Every swarm query of a host: what a `swarm:event` invalidates. */
  swarm: (hostId: string) => ["hosts", hostId, "swarm"] as const,
  swarmServices: (hostId: string) => ["hosts", hostId, "swarm", "services"] as const,
  swarmService: (hostId: string, id: string) => ["hosts", hostId, "swarm", "services", "detail", id] as const,
  swarmNodes: (hostId: string) => ["hosts", hostId, "swarm", "nodes"] as const,
  // Access control: admin-only lists, outside the host tree so engine events never touch them.
  users: () => ["users"] as const,
  tokens: () => ["tokens"] as const,
  sessions: () => ["sessions"] as const,
  /** Every audit query; invalidate this to refresh all filtered views. */
  auditAll: () => ["audit"] as const,
  audit: (filters: AuditFilters) => ["audit", filters] as const,
  // Registries: outside the host tree too; a registry's browse queries sit under its id.
  registries: () => ["registries"] as const,
  registryRepos: (id: number) => ["registries", id, "repos"] as const,
  registryTags: (id: number, name: string) => ["registries", id, "repos", name, "tags"] as const,
  registryTag: (id: number, name: string, tag: string) =>
    ["registries", id, "repos", name, "tags", tag] as const,
};

/** The audit log's filters as the API takes them (epoch ms for from/to). */
export interface AuditFilters {
  user?: string;
  hostId?: string;
  action?: string;
  from?: number;
  to?: number;
}
