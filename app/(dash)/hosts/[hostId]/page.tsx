import { ContainersPanel } from "@/components/containers/ContainersPanel";
import { containersFirstScreen } from "@/components/containers/first-screen";

export default async function HostContainersPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <ContainersPanel hostId={hostId} initial={await containersFirstScreen(hostId)} />;
}
