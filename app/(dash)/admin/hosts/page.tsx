import type { Metadata } from "next";
import { HostsPanel } from "@/components/admin/HostsPanel";

export const metadata: Metadata = { title: "Hosts · Wharf" };

export default function HostsAdminPage() {
  return <HostsPanel />;
}
