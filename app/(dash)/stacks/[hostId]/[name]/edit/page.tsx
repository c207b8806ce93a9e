import { StackEditorPanel } from "@/components/stacks/StackEditorPanel";
import { stacksTitle } from "../../../titles";

type Params = { params: Promise<{ hostId: string; name: string }> };

export async function generateMetadata({ params }: Params) {
  return stacksTitle("edit", (await params).name);
}

export default async function EditStackPage({ params }: Params) {
  const { hostId, name } = await params;
  return <StackEditorPanel hostId={hostId} name={name} />;
}
