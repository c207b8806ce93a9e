import { AccountPanel } from "@/components/account/AccountPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("account");

export default function AccountPage() {
  return <AccountPanel />;
}
