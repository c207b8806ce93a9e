"use client";
import { StatePanel } from "@/components/ui/StatePanel";

export function ContainerLogsTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  void hostId;
  void containerId;
  return <StatePanel title="Not available yet">Live logs arrive with the log streaming work.</StatePanel>;
}
