"use client";
import { StatePanel } from "@/components/ui/StatePanel";

export function ContainerTerminalTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  void hostId;
  void containerId;
  return <StatePanel title="Not available yet">The exec terminal arrives with the terminal work.</StatePanel>;
}
