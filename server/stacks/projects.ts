import type { ContainerState } from "../../lib/types";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { ContainerListItem } from "../engines/engine-types";
import { toContainerSummary } from "../engines/containers";

/** One container of a compose project, as its labels and the engine's list describe it. */
export interface ProjectContainer {
  id: string;
  name: string;
  service: string;
  number: number;
  hash: string;
  /** compose's version label: `wharf-…` for containers Wharf made. */
  version: string;
  state: ContainerState;
  status: string;
  image: string;
  imageId: string;
  labels: Record<string, string>;
}

export function toProjectContainer(hostId: string, c: ContainerListItem): ProjectContainer {
  const s = toContainerSummary(hostId, c);
  const l = s.labels;
  return {
    id: s.id,
    name: s.name,
    service: l[COMPOSE_LABELS.service] ?? "",
    number: Number(l[COMPOSE_LABELS.number] ?? 1) || 1,
    hash: l[COMPOSE_LABELS.configHash] ?? "",
    version: l[COMPOSE_LABELS.version] ?? "",
    state: s.state,
    status: s.status,
    image: s.image,
    imageId: c.ImageID ?? "",
    labels: l,
  };
}

/**
 * A host's compose projects by name, from its containers' labels. One-off containers (`compose
 * run`) are not part of a project's services.
 */
export function groupProjects(
  hostId: string,
  items: readonly ContainerListItem[],
): Map<string, ProjectContainer[]> {
  const projects = new Map<string, ProjectContainer[]>();
  for (const c of items) {
    const labels = c.Labels ?? {};
    const project = labels[COMPOSE_LABELS.project];
    if (!project || labels[COMPOSE_LABELS.oneoff] === "True") continue;
    const list = projects.get(project) ?? [];
    list.push(toProjectContainer(hostId, c));
    projects.set(project, list);
  }
  for (const list of projects.values())
    list.sort((a, b) => a.service.localeCompare(b.service) || a.number - b.number);
  return projects;
}
