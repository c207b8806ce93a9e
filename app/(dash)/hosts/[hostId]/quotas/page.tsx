import { QuotasPanel } from "@/components/quotas/QuotasPanel";

export default async function HostQuotasPage({ params }: { params: Promise<{ hostId: string }> }) {
  const { hostId } = await params;
  return <QuotasPanel hostId={hostId} />;
}
