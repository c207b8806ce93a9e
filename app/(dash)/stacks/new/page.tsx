import { StackEditorPanel } from "@/components/stacks/StackEditorPanel";
import { stacksTitle } from "../titles";

export const generateMetadata = () => stacksTitle("new");

export default function NewStackPage() {
  return <StackEditorPanel />;
}
