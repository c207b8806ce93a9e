export const NAMESPACE_TYPES = ["pid", "net", "ipc", "uts", "mnt", "user", "cgroup"] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

export interface NamespaceIdentity {
  type: NamespaceType;
  /** The kernel's namespace inode, e.g. 4026531836. */
  inode: number;
  /** True when the container shares this namespace with the host (init's namespace). */
  sharedWithHost: boolean;
}

export interface NamespaceView {
  /** As configured: "" (private, the default), "host", "container:<id>", "private", "shareable"... */
  modes: Record<"pid" | "network" | "ipc" | "uts" | "user" | "cgroup", string>;
  processes: { titles: string[]; rows: string[][] };
  /** Read from /proc when the engine runs on Wharf's own machine; absent otherwise. */
  identities?: NamespaceIdentity[];
  /** Why identities are absent, when they are. */
  identitiesNote?: string;
}
