import { ContainersPanel } from "@/components/containers/ContainersPanel";

export default async function HostContainersPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <ContainersPanel hostId={hostId} />;
}
