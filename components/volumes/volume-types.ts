/** The volume shapes the UI reads from the volumes routes. */
export interface VolumeUser {
  id: string;
  name: string;
  /** Where it is mounted in that container. */
  destination: string;
  readOnly: boolean;
}

export interface VolumeSummary {
  hostId: string;
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  labels: Record<string, string>;
  options: Record<string, string>;
  createdAt?: string;
  /** Bytes; -1 when the engine has not computed it. */
  size: number;
  usedBy: VolumeUser[];
}

export interface VolumeList {
  items: VolumeSummary[];
  errors?: { hostId: string; code: string; message: string }[];
}

export interface PruneResult {
  deleted: string[];
  spaceReclaimed: number;
}
