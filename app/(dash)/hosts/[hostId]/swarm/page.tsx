import { ServicesPanel } from "@/components/swarm/ServicesPanel";

export default async function HostSwarmServicesPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <ServicesPanel hostId={hostId} />;
}
