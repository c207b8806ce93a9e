import { AlertsPage } from "@/components/alerts/AlertsPage";

export default function Alerts() {
  return <AlertsPage />;
}
