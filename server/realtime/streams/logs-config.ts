import type { LogsNotice } from "../../../lib/realtime/events";
import type { WharfSocket } from "../types";
import { DEFAULT_LIMITS, type QueueLimits } from "./logs-queue";
import type { LogRoom } from "./logs-room";

export interface RoomTiming {
  flushMs: number;
  graceMs: number;
  ackTimeoutMs: number;
  limits: QueueLimits;
}

export const DEFAULT_TIMING: RoomTiming = {
  flushMs: 100,
  graceMs: 5000,
  ackTimeoutMs: 30_000,
  limits: DEFAULT_LIMITS,
};

/** Replayed to late joiners: as much as a browser keeps, within a few MB of text. */
export const RING_LINES = 10_000;
export const RING_CHARS = 2 * 1024 * 1024;

export interface RoomHooks {
  /** Whether the socket's principal may still read these logs (role and scope can change mid-stream). */
  allowed(socket: WharfSocket): boolean;
  /** The socket no longer receives this room's lines. */
  left(socket: WharfSocket, room: LogRoom): void;
  disposed(room: LogRoom): void;
}

export const STOPPED: LogsNotice = {
  kind: "stopped",
  message: "the container is not running; lines resume when it starts",
};
