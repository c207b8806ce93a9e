import type { ComposeProject, ComposeService } from "../../lib/compose/model";
import type { PlanObject, PlanStep } from "../../lib/stacks/types";
import type { ProjectContainer } from "./projects";
import { imageOf } from "./image-name";
import { configHash, containerName } from "./service-body";

export interface PlanInput {
  project: ComposeProject;
  /** The project's containers on the host now. */
  current: readonly ProjectContainer[];
  /** The image id each service's reference names on the host; absent when the host lacks it. */
  imageIds: ReadonlyMap<string, string | undefined>;
  networks: ReadonlySet<string>;
  volumes: ReadonlySet<string>;
  removeOrphans: boolean;
  /** The file the containers were last deployed from, to say which settings changed. */
  previous?: ComposeProject;
  /**
   * Containers whose hash is another tool's (made by the compose CLI) but whose settings match the
   * file, as compared by the deployer: kept, not recreated.
   */
  sameAsFile?: ReadonlySet<string>;
}

export interface Plan {
  steps: PlanStep[];
  objects: PlanObject[];
  pulls: string[];
  /** Services whose image is built from the stack's files first (the host lacks it). */
  builds: string[];
  warnings: string[];
}

const keysChanged = (a: ComposeService, b: ComposeService): string[] => {
  const ka = a as unknown as Record<string, unknown>;
  const kb = b as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(ka), ...Object.keys(kb)])]
    .filter((k) => k !== "replicas" && k !== "profiles" && JSON.stringify(ka[k]) !== JSON.stringify(kb[k]))
    .sort();
};

/** Why a container's settings differ from the file's, in words an operator reads at a glance. */
function recreateReason(
  s: ComposeService,
  c: ProjectContainer,
  previous: ComposeProject | undefined,
): string {
  const before = previous?.services[s.name];
  if (before) {
    const changed = keysChanged(before, s);
    if (changed.length) return `changed: ${changed.join(", ")}`;
  }
  if (!c.version.startsWith("wharf-"))
    return "made by another tool with other settings (config hash differs)";
  return "config hash changed";
}

/**
 * What a deploy will do, and why, before it does anything: each replica of each service is created,
 * recreated (its config hash or image changed), started, kept, or removed (scaled down, or an
 * orphan when asked). Only services that changed are touched.
 */
export function planDeploy(input: PlanInput): Plan {
  const { project, current } = input;
  const steps: PlanStep[] = [];
  const warnings: string[] = [];
  const pulls = new Set<string>();
  const builds: string[] = [];

  for (const s of Object.values(project.services)) {
    const image = imageOf(project, s);
    const imageId = input.imageIds.get(image);
    // compose's pull_policy: missing (the default) fetches only what the host lacks.
    if (s.build && (!imageId || s.pullPolicy === "build")) builds.push(s.name);
    else if (s.image && s.pullPolicy === "always") pulls.add(image);
    else if (!imageId && s.image && s.pullPolicy !== "never") pulls.add(image);
    else if (!imageId && s.pullPolicy === "never")
      warnings.push(
        `services.${s.name}: pull_policy is never and the host lacks ${image}; its containers cannot be created`,
      );
    if (s.reservations.cpus)
      warnings.push(
        `services.${s.name}.deploy.resources.reservations.cpus: an engine outside a swarm has no CPU reservation; it is not applied`,
      );
    const hash = configHash(project, s);
    const mine = current.filter((c) => c.service === s.name);
    const byNumber = new Map(mine.map((c) => [c.number, c]));
    for (let n = 1; n <= s.replicas; n++) {
      const c = byNumber.get(n);
      const name = containerName(project.name, s, n);
      if (!c) {
        steps.push({
          service: s.name,
          action: "create",
          container: name,
          reason: n === 1 ? "new service" : "scaled up",
        });
        continue;
      }
      const sameConfig = c.hash === hash || input.sameAsFile?.has(c.id) === true;
      const sameImage = !imageId || c.imageId === imageId || s.pullPolicy === "never";
      const base = { service: s.name, container: c.name, containerId: c.id };
      if (!sameConfig)
        steps.push({ ...base, action: "recreate", reason: recreateReason(s, c, input.previous) });
      else if (!sameImage) steps.push({ ...base, action: "recreate", reason: `image ${image} was updated` });
      else if (c.state !== "running" && !isJob(project, s.name))
        steps.push({ ...base, action: "start", reason: `it is ${c.state}` });
      else steps.push({ ...base, action: "keep", reason: "up to date" });
    }
    for (const c of mine.filter((c) => c.number > s.replicas))
      steps.push({
        service: s.name,
        action: "remove",
        container: c.name,
        containerId: c.id,
        reason: "scaled down",
      });
  }

  followReplacements(project, steps);

  const orphans = current.filter((c) => !project.services[c.service]);
  for (const c of orphans) {
    if (input.removeOrphans)
      steps.push({
        service: c.service,
        action: "remove",
        container: c.name,
        containerId: c.id,
        reason: "orphan: the file has no such service",
      });
  }
  const orphanServices = [...new Set(orphans.map((c) => c.service))];
  if (orphanServices.length && !input.removeOrphans)
    warnings.push(
      `containers of services the file does not declare (${orphanServices.join(", ")}) are left alone; deploy with "remove orphans" to remove them`,
    );

  const objects: PlanObject[] = [];
  for (const n of Object.values(project.networks))
    objects.push({
      kind: "network",
      name: n.name,
      action: n.external ? "external" : input.networks.has(n.name) ? "keep" : "create",
    });
  for (const v of Object.values(project.volumes))
    objects.push({
      kind: "volume",
      name: v.name,
      action: v.external ? "external" : input.volumes.has(v.name) ? "keep" : "create",
    });
  return { steps, objects, pulls: [...pulls], builds, warnings };
}

/**
 * A service some other service waits to complete (`service_completed_successfully`) is a one-shot
 * job: a stopped container of it is its normal end, not something to start again.
 */
function isJob(project: ComposeProject, service: string): boolean {
  return Object.values(project.services).some(
    (s) => s.dependsOn[service]?.condition === "service_completed_successfully",
  );
}

/**
 * What a replaced container takes with it: a service that shares its network namespace
 * (`network_mode: service:x`) or links to it points at the old container, so it is recreated
 * too; a service that asks `depends_on: {x: {restart: true}}` is restarted, as compose does.
 * Repeats until nothing more changes, so a chain of such services follows.
 */
function followReplacements(project: ComposeProject, steps: PlanStep[]): void {
  const replaced = (service: string) =>
    steps.some((st) => st.service === service && (st.action === "recreate" || st.action === "create"));
  for (let changed = true; changed;) {
    changed = false;
    for (const s of Object.values(project.services)) {
      const shared = /^service:(.+)$/.exec(s.networkMode ?? "")?.[1];
      const linked = s.links.map((l) => l.split(":")[0] ?? "");
      const peer = [shared, ...linked].find((d) => d && replaced(d));
      const restartOn = Object.entries(s.dependsOn).find(([d, o]) => o.restart && replaced(d))?.[0];
      for (const st of steps) {
        if (st.service !== s.name || (st.action !== "keep" && st.action !== "start")) continue;
        if (peer) {
          st.action = "recreate";
          st.reason =
            shared === peer
              ? `it shares the network of ${peer}, which is replaced`
              : `it links to ${peer}, which is replaced`;
          changed = true;
        } else if (restartOn && st.action === "keep") {
          st.action = "restart";
          st.reason = `depends_on ${restartOn} with restart: true, and ${restartOn} is replaced`;
        }
      }
    }
  }
}
