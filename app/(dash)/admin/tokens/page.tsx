import { TokensPanel } from "@/components/admin/TokensPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("tokens");

export default function TokensPage() {
  return <TokensPanel />;
}
