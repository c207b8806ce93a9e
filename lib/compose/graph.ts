/** Start order of a project's services: depends_on, links and `network_mode: service:` are dependencies. */
import { AppError } from "../errors";
import type { ComposeProject, ComposeService } from "./model";

export interface ServiceDependency {
  service: string;
  /** The key that creates the dependency. */
  via: "depends_on" | "links" | "network_mode";
}

export function serviceDependencies(service: ComposeService): ServiceDependency[] {
  const deps: ServiceDependency[] = Object.keys(service.dependsOn).map((s) => ({
    service: s,
    via: "depends_on",
  }));
  for (const link of service.links) deps.push({ service: link.split(":")[0] ?? link, via: "links" });
  if (service.networkMode?.startsWith("service:")) {
    deps.push({ service: service.networkMode.slice("service:".length), via: "network_mode" });
  }
  return deps;
}

/** The first dependency cycle in file order, as the services along it ending where it began, with the key of its first edge. */
export function findCycle(
  project: ComposeProject,
): { cycle: string[]; via: ServiceDependency["via"] } | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: { name: string; via?: ServiceDependency["via"] }[] = [];
  const visit = (name: string): { cycle: string[]; via: ServiceDependency["via"] } | undefined => {
    const service = project.services[name];
    if (!service || state.get(name) === "done") return undefined;
    if (state.get(name) === "visiting") {
      const start = stack.findIndex((f) => f.name === name);
      const cycle = [...stack.slice(start).map((f) => f.name), name];
      return { cycle, via: stack[start]?.via ?? "depends_on" };
    }
    state.set(name, "visiting");
    for (const dep of serviceDependencies(service)) {
      stack.push({ name, via: dep.via });
      const found = visit(dep.service);
      stack.pop();
      if (found) return found;
    }
    state.set(name, "done");
    return undefined;
  };
  for (const name of Object.keys(project.services)) {
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The services in dependency waves: each wave depends only on earlier ones, so a wave's services
 * can be created in parallel. With `only`, just those services and what they depend on.
 */
export function serviceWaves(project: ComposeProject, only?: readonly string[]): string[][] {
  const cycle = findCycle(project);
  if (cycle)
    throw new AppError("VALIDATION", `services depend on each other in a cycle: ${cycle.cycle.join(" -> ")}`);
  const wanted = new Set<string>();
  const want = (name: string) => {
    const service = project.services[name];
    if (!service) throw new AppError("NOT_FOUND", `the project has no service "${name}"`);
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of serviceDependencies(service)) if (project.services[dep.service]) want(dep.service);
  };
  for (const name of only ?? Object.keys(project.services)) want(name);
  const waves: string[][] = [];
  const placed = new Set<string>();
  const pending = Object.keys(project.services).filter((n) => wanted.has(n));
  while (pending.length > 0) {
    const wave = pending.filter((name) => {
      const service = project.services[name];
      return (
        !service ||
        serviceDependencies(service).every((d) => placed.has(d.service) || !project.services[d.service])
      );
    });
    if (wave.length === 0) throw new AppError("INTERNAL", `cannot order the services ${pending.join(", ")}`);
    wave.forEach((name) => pending.splice(pending.indexOf(name), 1));
    wave.forEach((name) => placed.add(name));
    waves.push(wave);
  }
  return waves;
}
