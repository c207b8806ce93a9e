import { ContainersPanel } from "@/components/containers/ContainersPanel";
import { containersFirstScreen } from "@/components/containers/first-screen";

export default async function AllContainersPage() {
  return <ContainersPanel initial={await containersFirstScreen()} />;
}
