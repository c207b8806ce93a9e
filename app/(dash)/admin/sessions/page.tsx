import type { Metadata } from "next";
import { SessionsPanel } from "@/components/admin/SessionsPanel";

export const metadata: Metadata = { title: "Sessions · Wharf" };

export default function SessionsPage() {
  return <SessionsPanel />;
}
