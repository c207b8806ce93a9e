import { VolumesPanel } from "@/components/volumes/VolumesPanel";

export default async function HostVolumesPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <VolumesPanel hostId={hostId} />;
}
