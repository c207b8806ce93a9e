import { QuotasPanel } from "@/components/quotas/QuotasPanel";

export default function AllQuotasPage() {
  return <QuotasPanel />;
}
