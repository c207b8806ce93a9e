import { ImagesPanel } from "@/components/images/ImagesPanel";

export default async function HostImagesPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <ImagesPanel hostId={hostId} />;
}
