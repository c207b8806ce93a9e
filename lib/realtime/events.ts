import type { Result } from "../errors";
import type { HostStatus } from "../types";

export interface HostStatusEvent {
  hostId: string;
  status: HostStatus;
  error?: string;
  engineVersion?: string;
  apiVersion?: string;
}

export interface ContainerEvent {
  hostId: string;
  containerId: string;
  action: string;
  /** Container name without the leading slash, when the engine reports it. */
  name?: string;
  /** Engine time, epoch ms. */
  time?: number;
}

export type Ack<T> = (result: Result<T>) => void;

export interface ServerToClientEvents {
  "host:status": (e: HostStatusEvent) => void;
  "container:event": (e: ContainerEvent) => void;
}

/** Commands arrive with later streams (stats, logs, exec); the foundation only pushes facts. */
export interface ClientToServerEvents {
  "hosts:watch": (payload: Record<string, never>, ack: Ack<{ hostIds: string[] }>) => void;
}
