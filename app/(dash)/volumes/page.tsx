import { VolumesPanel } from "@/components/volumes/VolumesPanel";

export default function AllVolumesPage() {
  return <VolumesPanel />;
}
