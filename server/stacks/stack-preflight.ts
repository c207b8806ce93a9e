import type { ComposeProject } from "../../lib/compose/model";
import {
  hostAccessRefusal,
  hostAccessSettings,
  volumeHostAccess,
} from "../../lib/container-spec/host-access";
import { AppError } from "../../lib/errors";
import { roleAllows, scopeAllowsLabels } from "../../lib/permissions";
import type { Principal } from "../auth/principal";
import { hostBackedVolumes } from "../engines/container-create-volumes";
import type { NetworkInspect, VolumeList } from "../engines/engine-types";
import type { HostConnection } from "../engines/host-connection";
import { imageInScope, requireNameAvailable } from "../scope/image-access";
import type { ImageOwnerStore } from "../scope/image-owners";
import { requireContainerRefsInScope } from "../scope/container-refs";
import { isLabelScoped } from "../scope/targets";
import { serviceBody, type ProjectContext } from "./service-body";

export interface Preflight {
  host: HostConnection;
  principal: Principal;
  owners: ImageOwnerStore;
  project: ComposeProject;
  ctx: ProjectContext;
  imageIds: ReadonlyMap<string, string | undefined>;
  networks: readonly NetworkInspect[];
  volumes: VolumeList;
}

const outOfScope = (field: string, what: string) =>
  new AppError("NOT_FOUND", `${field}: ${what} is not in your scope`, { field });

/**
 * Everything a stack names must be the caller's to use, exactly as if asked for directly, and
 * host-access settings are for admins, as container create already rules:
 * - containers outside the project (`network_mode: container:x`) must be in scope;
 * - existing networks and volumes it uses (external ones, or a project's own made earlier) must
 *   carry the caller's label;
 * - images on the host must be the caller's to run; images it will pull must not take another
 *   team's name;
 * - a label-scoped caller may not give its scope label another value.
 */
export async function requireStackInScope(f: Preflight): Promise<void> {
  const { host, principal: p, project } = f;
  const admin = roleAllows(p.role, "admin");
  const labelled = isLabelScoped(p);
  for (const s of Object.values(project.services)) {
    const path = `services.${s.name}`;
    // Peers inside the project are named by a placeholder that is never looked up.
    const body = serviceBody(project, s, 1, f.ctx, (service) => `${project.name}-${service}-1`);
    if (!admin) {
      const settings = [
        ...hostAccessSettings(body.config, path),
        ...(await hostBackedVolumes(host, body.config)),
      ];
      if (settings.length)
        throw new AppError("FORBIDDEN", hostAccessRefusal(settings), { hostAccess: settings });
    }
    const mode = /^container:(.+)$/.exec(s.networkMode ?? "");
    if (mode)
      await requireContainerRefsInScope(host, p, { HostConfig: { NetworkMode: s.networkMode } }, path);
    if (labelled) {
      for (const [key, value] of Object.entries(f.ctx.scopeLabels)) {
        const given = s.labels[key];
        if (given !== undefined && given !== value)
          throw new AppError(
            "VALIDATION",
            `${path}.labels.${key}: must be "${value}", the label your access is limited to`,
          );
      }
      const image = body.config.Image;
      if (f.imageIds.get(image)) await imageInScope(f.owners, host, p, image, "run", `${path}.image`);
      else await requireNameAvailable(f.owners, host, p, image, `${path}.image`);
    }
  }
  const visible = (labels: Record<string, string> | null | undefined) =>
    scopeAllowsLabels(p.scope, labels ?? {});
  for (const [key, n] of Object.entries(project.networks)) {
    const existing = f.networks.find((x) => x.Name === n.name);
    if (labelled && existing && !visible(existing.Labels))
      throw outOfScope(`networks.${key}`, `network "${n.name}"`);
    if (n.external && !existing)
      throw new AppError(
        "NOT_FOUND",
        `networks.${key}: the external network "${n.name}" does not exist on ${host.spec.id}`,
      );
  }
  for (const [key, v] of Object.entries(project.volumes)) {
    const existing = (f.volumes.Volumes ?? []).find((x) => x.Name === v.name);
    if (labelled && existing && !visible(existing.Labels))
      throw outOfScope(`volumes.${key}`, `volume "${v.name}"`);
    if (v.external && !existing)
      throw new AppError(
        "NOT_FOUND",
        `volumes.${key}: the external volume "${v.name}" does not exist on ${host.spec.id}`,
      );
    const reason =
      !existing && !admin ? volumeHostAccess(v.name, v.driver ?? "local", v.driverOpts) : undefined;
    if (reason) throw new AppError("FORBIDDEN", `volumes.${key}: only an admin may ${reason}`);
  }
}
