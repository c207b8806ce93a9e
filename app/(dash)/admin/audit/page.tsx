import { AuditPanel } from "@/components/admin/AuditPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("audit");

export default function AuditPage() {
  return <AuditPanel />;
}
