import type { Metadata } from "next";
import { AccountPanel } from "@/components/account/AccountPanel";

export const metadata: Metadata = { title: "Account · Wharf" };

export default function AccountPage() {
  return <AccountPanel />;
}
