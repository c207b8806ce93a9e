import { ServiceDetailPanel } from "@/components/swarm/ServiceDetailPanel";

export default async function HostSwarmServicePage({
  params,
}: {
  params: Promise<{ hostId: string; serviceId: string }>;
}) {
  const { hostId, serviceId } = await params;
  return <ServiceDetailPanel hostId={hostId} serviceId={serviceId} />;
}
