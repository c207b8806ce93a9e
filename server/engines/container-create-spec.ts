import { specToCreateBody } from "../../lib/container-spec/create-body";
import { specToDockerRun } from "../../lib/container-spec/docker-run";
import { hostAccessSettings } from "../../lib/container-spec/host-access";
import { inspectToSpec, type ImageDefaults } from "../../lib/container-spec/inspect";
import { outsideFormFlags, withCarriedSettings } from "../../lib/container-spec/outside-form";
import type { ContainerSpecView } from "../../lib/container-spec/api-types";
import { hostBackedVolumes } from "./container-create-volumes";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

/** The image's own config, so values the container only inherited are left out; none if it is gone. */
async function imageDefaults(host: HostConnection, imageId: string): Promise<ImageDefaults | undefined> {
  if (!imageId) return undefined;
  try {
    const info = await engineCall(host, () => host.docker.getImage(imageId).inspect());
    return (info.Config ?? undefined) as ImageDefaults | undefined;
  } catch {
    return undefined;
  }
}

/** The form for "duplicate" and "edit and recreate", and the "Copy as docker run" line. */
export function specView(inspect: Record<string, unknown>, image?: ImageDefaults): ContainerSpecView {
  const spec = inspectToSpec(inspect, image);
  const extra = outsideFormFlags(inspect, image);
  const body = withCarriedSettings(specToCreateBody(spec).config, inspect);
  return {
    spec,
    dockerRun: specToDockerRun(spec, extra),
    outsideForm: extra.map((w) => w.join(" ")),
    hostAccess: hostAccessSettings(body),
  };
}

export async function containerSpecView(
  host: HostConnection,
  inspect: Record<string, unknown>,
): Promise<ContainerSpecView> {
  const view = specView(
    inspect,
    await imageDefaults(host, typeof inspect.Image === "string" ? inspect.Image : ""),
  );
  const body = withCarriedSettings(specToCreateBody(view.spec).config, inspect);
  return { ...view, hostAccess: [...view.hostAccess, ...(await hostBackedVolumes(host, body))] };
}
