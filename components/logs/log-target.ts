export interface LogTarget {
  hostId: string;
  /** Full id, id prefix or name: of a container, or of a swarm service when `kind` says so. */
  containerId: string;
  /** A swarm service on a manager host: its tasks' lines merged, each starting with the task's name. */
  kind?: "service";
}

/** What the server's batches of a service carry as their container id. */
const SERVICE_KEY = "service:";

/** The payload naming a target, as `logs:subscribe` and `logs:unsubscribe` take it. */
export const logsRefOf = (t: LogTarget, id = t.containerId) =>
  t.kind === "service"
    ? { hostId: t.hostId, serviceId: id.startsWith(SERVICE_KEY) ? id.slice(SERVICE_KEY.length) : id }
    : { hostId: t.hostId, containerId: id };
