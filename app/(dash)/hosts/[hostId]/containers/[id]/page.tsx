import { ContainerDetailPanel } from "@/components/containers/ContainerDetailPanel";

export default async function ContainerPage({ params }: { params: Promise<{ hostId: string; id: string }> }) {
  const { hostId, id } = await params;
  return <ContainerDetailPanel hostId={hostId} id={id} />;
}
