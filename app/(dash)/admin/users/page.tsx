import { UsersPanel } from "@/components/admin/UsersPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("users");

export default function UsersPage() {
  return <UsersPanel />;
}
