import { fieldIn } from "../../lib/parse";
import type { ContainerEvent } from "../../lib/realtime/events";
import { isQuietContainerAction } from "../../lib/realtime/container-actions";

const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
const count = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined);

function stringMap(v: unknown): Record<string, string> | undefined {
  if (v === null || typeof v !== "object") return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/** What Wharf reads of one object from the engine's /events stream (current or pre-1.22 field names). */
export interface EngineEventFields {
  type: string;
  action: string;
  id: string;
  attributes?: Record<string, string>;
  /** Epoch milliseconds, when the engine said. */
  time?: number;
}

export function readEngineEvent(raw: unknown): EngineEventFields | undefined {
  const actor = fieldIn(raw, "Actor");
  const action = text(fieldIn(raw, "Action")) ?? text(fieldIn(raw, "status"));
  const id = text(fieldIn(actor, "ID")) ?? text(fieldIn(raw, "id"));
  if (!action || !id) return undefined;
  const nano = count(fieldIn(raw, "timeNano"));
  const seconds = count(fieldIn(raw, "time"));
  const time = nano ? Math.floor(nano / 1e6) : seconds ? seconds * 1000 : undefined;
  const attributes = stringMap(fieldIn(actor, "Attributes"));
  return {
    type: text(fieldIn(raw, "Type")) ?? "container",
    action,
    id,
    ...(attributes ? { attributes } : {}),
    ...(time ? { time } : {}),
  };
}

/** The engine's attributes travel with the event inside the server, for scope checks; they are not sent out. */
export type EngineContainerEvent = ContainerEvent & { attributes?: Record<string, string> };

/** Maps one object from the engine's /events stream to a container:event, or undefined for other kinds. */
export function toContainerEvent(hostId: string, raw: unknown): EngineContainerEvent | undefined {
  const e = readEngineEvent(raw);
  if (!e || e.type !== "container") return undefined;
  const name = e.attributes?.name;
  return {
    hostId,
    containerId: e.id,
    action: e.action,
    ...(name ? { name } : {}),
    ...(e.time ? { time: e.time } : {}),
    ...(e.attributes ? { attributes: e.attributes } : {}),
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

/** Actions that can change what a container list shows (see isQuietContainerAction for those that do not). */
export function changesListing(action: string): boolean {
  return !isQuietContainerAction(action);
}
