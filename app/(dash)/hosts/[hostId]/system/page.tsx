import { SystemPanel } from "@/components/system/SystemPanel";

export default async function HostSystemPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <SystemPanel hostId={hostId} />;
}
