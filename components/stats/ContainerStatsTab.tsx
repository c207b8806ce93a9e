"use client";
import { StatePanel } from "@/components/ui/StatePanel";

export function ContainerStatsTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  void hostId;
  void containerId;
  return (
    <StatePanel title="Not available yet">
      Live CPU, memory, network and block I/O charts arrive with the stats hub.
    </StatePanel>
  );
}
