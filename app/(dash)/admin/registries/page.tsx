import { RegistriesAdminPanel } from "@/components/registries/RegistriesAdminPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("registries");

export default function RegistriesAdminPage() {
  return <RegistriesAdminPanel />;
}
