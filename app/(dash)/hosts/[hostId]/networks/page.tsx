import { NetworksPanel } from "@/components/networks/NetworksPanel";

export default async function HostNetworksPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <NetworksPanel hostId={hostId} />;
}
