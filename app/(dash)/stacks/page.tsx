import { StacksPanel } from "@/components/stacks/StacksPanel";
import { stacksTitle } from "./titles";

export const generateMetadata = () => stacksTitle("list");

export default function StacksPage() {
  return <StacksPanel />;
}
