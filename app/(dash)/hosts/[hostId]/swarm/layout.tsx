import type { ReactNode } from "react";
import { SwarmSection } from "@/components/swarm/SwarmSection";

export default async function HostSwarmLayout({
  params,
  children,
}: {
  params: Promise<{ hostId: string }>;
  children: ReactNode;
}) {
  const { hostId } = await params;
  return <SwarmSection hostId={hostId}>{children}</SwarmSection>;
}
