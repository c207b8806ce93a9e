"use client";
import { useMemo } from "react";
import { LogViewer } from "./LogViewer";

export function ContainerLogsTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const targets = useMemo(() => [{ hostId, containerId }], [hostId, containerId]);
  // The page above it (header and tabs) is about 9rem tall.
  return <LogViewer targets={targets} className="h-[calc(100vh-9rem)]" />;
}
