import { SwarmObjectsPanel } from "@/components/swarm/SwarmObjectsPanel";

export default async function HostSwarmConfigsPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <SwarmObjectsPanel hostId={hostId} kind="configs" />;
}
