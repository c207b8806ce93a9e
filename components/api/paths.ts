/**
 * API paths that pages name on the server too, to ask for them from the HTML (see EarlyFetch): the
 * early request and the query that takes its answer must name the same path.
 */
export const ME_PATH = "/api/v1/auth/me";

/** One host's containers, or every host's when hostId is undefined. */
export const containersPath = (hostId?: string) =>
  hostId ? `/api/v1/hosts/${encodeURIComponent(hostId)}/containers` : "/api/v1/containers";
