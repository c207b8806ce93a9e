import { ContainersPanel } from "@/components/containers/ContainersPanel";

export default function AllContainersPage() {
  return <ContainersPanel />;
}
