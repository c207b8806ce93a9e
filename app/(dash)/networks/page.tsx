import { NetworksPanel } from "@/components/networks/NetworksPanel";

export default function AllNetworksPage() {
  return <NetworksPanel />;
}
