import { SessionsPanel } from "@/components/admin/SessionsPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("sessions");

export default function SessionsPage() {
  return <SessionsPanel />;
}
