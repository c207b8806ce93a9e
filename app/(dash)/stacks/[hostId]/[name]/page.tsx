import { StackPanel } from "@/components/stacks/StackPanel";
import { stacksTitle } from "../../titles";

type Params = { params: Promise<{ hostId: string; name: string }> };

export async function generateMetadata({ params }: Params) {
  return stacksTitle("list", (await params).name);
}

export default async function StackPage({ params }: Params) {
  const { hostId, name } = await params;
  return <StackPanel hostId={hostId} name={name} />;
}
