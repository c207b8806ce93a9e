/** The only place room names are built. */
export const rooms = {
  /** Principals that see every host and every container. */
  everything: "scope:*",
  /** Principals with a host list or a label selector; events are checked per socket. */
  scoped: "scope:some",
  session: (sessionId: string) => `session:${sessionId}`,
  /** Sockets that take live stats as `stats:samples` batches instead of one `stats:sample` each. */
  statsBatched: "stats:batched",
  /** Subscribers of one container's live stats; the id is the canonical full id. */
  stats: (hostId: string, containerId: string) => `stats:${hostId}/${containerId}`,
  /** Subscribers of one upstream log stream: a container (canonical full id) and the stream's options. */
  logs: (
    hostId: string,
    containerId: string,
    o: { tail?: number; since?: number; until?: number; timestamps?: boolean },
  ) =>
    `logs:${hostId}/${containerId}?tail=${o.tail ?? "all"}&since=${o.since ?? ""}&until=${o.until ?? ""}&ts=${o.timestamps ? 1 : 0}`,
};
