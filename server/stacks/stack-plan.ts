import { loadCompose, parseEnvFile } from "../../lib/compose";
import type { ComposeLoadResult, ComposeOrchestrator, ComposeProject } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import type { StackPlan } from "../../lib/stacks/types";
import type { Principal } from "../auth/principal";
import { inspectEngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";
import { listEngineNetworks } from "../engines/networks";
import { fetchVolumeList } from "../engines/volumes";
import { ifFound } from "../errors";
import { planDeploy, type Plan } from "./plan";
import { foreignMatches } from "./foreign-match";
import type { ProjectContainer } from "./projects";
import { imageOf } from "./image-name";
import { projectContext, stackWorkingDir } from "./project-context";
import type { OpenRevision } from "./stack-store";
import { requireStackInScope } from "./stack-preflight";
import type { ImageOwnerStore } from "../scope/image-owners";

/** A stored revision read as compose reads it; the file may not rename the project. */
export function loadRevision(
  name: string,
  rev: Pick<OpenRevision, "compose" | "env" | "files">,
  profiles?: string[],
  orchestrator: ComposeOrchestrator = "compose",
): ComposeLoadResult {
  // compose reads COMPOSE_PROFILES from .env when no profile is named.
  const fromEnv = (parseEnvFile(rev.env).vars.COMPOSE_PROFILES ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const active = profiles?.length ? profiles : fromEnv;
  const loaded = loadCompose({
    compose: rev.compose,
    env: rev.env,
    files: rev.files,
    projectName: name,
    ...(active.length ? { profiles: active } : {}),
    workingDir: stackWorkingDir(name),
    orchestrator,
  });
  if (loaded.project.name !== name)
    throw new AppError(
      "VALIDATION",
      `name: the file names its project "${loaded.project.name}", but the stack is "${name}"; make them the same`,
      { issues: [{ path: "name", message: `must be "${name}"` }] },
    );
  return loaded;
}

async function imageIds(
  host: HostConnection,
  project: ComposeProject,
): Promise<Map<string, string | undefined>> {
  const refs = [...new Set(Object.values(project.services).map((s) => imageOf(project, s)))];
  const ids = await Promise.all(refs.map(async (r) => (await ifFound(inspectEngineImage(host, r)))?.Id));
  return new Map(refs.map((r, i) => [r, ids[i]]));
}

export interface PlanContext {
  host: HostConnection;
  principal: Principal;
  owners: ImageOwnerStore;
  containers: readonly ProjectContainer[];
  removeOrphans: boolean;
  previous?: ComposeProject;
}

/**
 * The plan of a deploy, after every check that could refuse it: the caller's scope over everything
 * the file names, and the admin-only host-access settings. Nothing is created before this passes.
 */
export async function planStack(
  c: PlanContext,
  loaded: ComposeLoadResult,
): Promise<{ plan: Plan; view: StackPlan }> {
  const { host, principal } = c;
  const { project } = loaded;
  const [ids, networks, volumes] = await Promise.all([
    imageIds(host, project),
    listEngineNetworks(host),
    fetchVolumeList(host),
  ]);
  const ctx = projectContext(principal, project.name);
  await requireStackInScope({
    host,
    principal,
    owners: c.owners,
    project,
    ctx,
    imageIds: ids,
    networks,
    volumes,
  });
  const sameAsFile = await foreignMatches(host, project, c.containers);
  const plan = planDeploy({
    sameAsFile,
    project,
    current: c.containers,
    imageIds: ids,
    networks: new Set(networks.map((n) => n.Name ?? "")),
    volumes: new Set((volumes.Volumes ?? []).map((v) => v.Name ?? "")),
    removeOrphans: c.removeOrphans,
    ...(c.previous ? { previous: c.previous } : {}),
  });
  const view: StackPlan = {
    project: project.name,
    steps: plan.steps,
    objects: plan.objects,
    pulls: plan.pulls,
    builds: plan.builds,
    warnings: [...loaded.warnings, ...plan.warnings],
    ...(loaded.converted
      ? { converted: { compose: loaded.converted.compose, changes: loaded.converted.changes } }
      : {}),
  };
  return { plan, view };
}
