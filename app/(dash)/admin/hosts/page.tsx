import { HostsPanel } from "@/components/admin/HostsPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("hosts");

export default function HostsAdminPage() {
  return <HostsPanel />;
}
