import type { AlertView } from "./alerts";
import type { HostDisk } from "./disk";
import type { HostStatus } from "./types";

export interface OverviewHost {
  id: string;
  name: string;
  status: HostStatus;
  error?: string;
  engineVersion?: string;
  /** Containers in scope, by state. */
  containers: Record<string, number>;
  /** Compose projects in scope: all of their containers running, some, or none. */
  stacks: { running: number; partial: number; stopped: number };
  firing: number;
  /** The engine's CPUs and memory, when known. */
  cpus?: number;
  memoryTotal?: number;
  /** What the containers in scope use now: CPU in percent of one CPU, memory in bytes. */
  cpuPercent?: number;
  memoryBytes?: number;
  /**
   * The filesystem of the engine's data root: a figure of the host itself, like its CPUs and memory.
   * Absent while the first measurement is under way.
   */
  disk?: HostDisk;
  /** Whether the caller may read the host's own totals and their history (not under a label scope). */
  wholeHost: boolean;
}

export interface OverviewEvent {
  hostId: string;
  /** Epoch ms. */
  time: number;
  action: string;
  containerId: string;
  name?: string;
  exitCode?: string;
}

export interface Overview {
  hosts: OverviewHost[];
  firing: AlertView[];
  events: OverviewEvent[];
}
