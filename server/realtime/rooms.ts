/** The only place room names are built. */
export const rooms = {
  /** Principals that see every host and every container. */
  everything: "scope:*",
  /** Principals with a host list or a label selector; events are checked per socket. */
  scoped: "scope:some",
  session: (sessionId: string) => `session:${sessionId}`,
};
