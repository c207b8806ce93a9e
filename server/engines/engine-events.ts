import type { ContainerEvent } from "../../lib/realtime/events";

interface RawEngineEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** The engine's attributes travel with the event inside the server, for scope checks; they are not sent out. */
export type EngineContainerEvent = ContainerEvent & { attributes?: Record<string, string> };

/** Maps one object from the engine's /events stream to a container:event, or undefined for other kinds. */
export function toContainerEvent(hostId: string, raw: unknown): EngineContainerEvent | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const e = raw as RawEngineEvent;
  if ((e.Type ?? "container") !== "container") return undefined;
  const containerId = e.Actor?.ID ?? e.id;
  const action = e.Action ?? e.status;
  if (!containerId || !action) return undefined;
  const name = e.Actor?.Attributes?.name;
  const time = e.timeNano ? Math.floor(e.timeNano / 1e6) : e.time ? e.time * 1000 : undefined;
  const attributes = e.Actor?.Attributes;
  return {
    hostId,
    containerId,
    action,
    ...(name ? { name } : {}),
    ...(time ? { time } : {}),
    ...(attributes ? { attributes } : {}),
  };
}

/** Attributes the engine adds beside a container's labels in its events. */
const NON_LABEL_ATTRIBUTES = new Set(["image", "name", "exitCode", "signal", "execID", "health_status"]);

/** A container event's attributes are its labels plus a few engine fields; this keeps the labels. */
export function eventLabels(attributes: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes ?? {})) if (!NON_LABEL_ATTRIBUTES.has(k)) out[k] = v;
  return out;
}

/** Actions that can change what a container list shows; exec_* and top do not. */
export function changesListing(action: string): boolean {
  return !action.startsWith("exec_") && action !== "top" && action !== "attach" && action !== "resize";
}
