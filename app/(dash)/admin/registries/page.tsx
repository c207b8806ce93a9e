import type { Metadata } from "next";
import { RegistriesAdminPanel } from "@/components/registries/RegistriesAdminPanel";

export const metadata: Metadata = { title: "Registries · Wharf" };

export default function RegistriesAdminPage() {
  return <RegistriesAdminPanel />;
}
