/** The only place room names are built. */
export const rooms = {
  host: (hostId: string) => `host:${hostId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};
