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

/** Maps one object from the engine's /events stream to a container:event, or undefined for other kinds. */
export function toContainerEvent(hostId: string, raw: unknown): ContainerEvent | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const e = raw as RawEngineEvent;
  if ((e.Type ?? "container") !== "container") return undefined;
  const containerId = e.Actor?.ID ?? e.id;
  const action = e.Action ?? e.status;
  if (!containerId || !action) return undefined;
  const name = e.Actor?.Attributes?.name;
  const time = e.timeNano ? Math.floor(e.timeNano / 1e6) : e.time ? e.time * 1000 : undefined;
  return { hostId, containerId, action, ...(name ? { name } : {}), ...(time ? { time } : {}) };
}

/** Actions that can change what a container list shows; exec_* and top do not. */
export function changesListing(action: string): boolean {
  return !action.startsWith("exec_") && action !== "top" && action !== "attach" && action !== "resize";
}
