import { CreateContainerPanel, type CreateMode } from "@/components/create/CreateContainerPanel";

export default async function CreateContainerPage({
  params,
  searchParams,
}: {
  params: Promise<{ hostId: string }>;
  searchParams: Promise<{ from?: string; recreate?: string }>;
}) {
  const { hostId } = await params;
  const { from, recreate } = await searchParams;
  const mode: CreateMode = recreate
    ? { kind: "recreate", id: recreate }
    : from
      ? { kind: "duplicate", from }
      : { kind: "new" };
  // A new key per mode: switching from "duplicate" to "new" starts from a fresh form.
  return <CreateContainerPanel key={`${mode.kind}:${recreate ?? from ?? ""}`} hostId={hostId} mode={mode} />;
}
