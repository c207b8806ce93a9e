import { NodesPanel } from "@/components/swarm/NodesPanel";

export default async function HostSwarmNodesPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <NodesPanel hostId={hostId} />;
}
