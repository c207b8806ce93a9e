/** The only place query keys are built: everything is rooted at the host, so an engine event can invalidate precisely. */
export const queryKeys = {
  me: () => ["me"] as const,
  hosts: () => ["hosts"] as const,
  host: (hostId: string) => ["hosts", hostId] as const,
  hostInfo: (hostId: string) => ["hosts", hostId, "info"] as const,
  containers: (hostId: string) => ["hosts", hostId, "containers"] as const,
  container: (hostId: string, id: string) => ["hosts", hostId, "containers", "detail", id] as const,
  allContainers: () => ["hosts", "*", "containers"] as const,
};
