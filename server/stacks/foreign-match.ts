import { loadCompose } from "../../lib/compose";
import type { ComposeProject, ComposeService } from "../../lib/compose/model";
import type { ContainerInspect, ImageInspect } from "../engines/engine-types";
import type { HostConnection } from "../engines/host-connection";
import { inspectEngineImage } from "../engines/images";
import { ifFound } from "../errors";
import { composeFromContainers } from "./adopt";
import type { ProjectContainer } from "./projects";
import { configHash } from "./service-body";
import { inspectById } from "./stack-engine";

/** The inspect documents of some containers, and of the images they run. */
export async function inspectAll(host: HostConnection, ids: readonly string[]) {
  const containers = (await Promise.all(ids.map((id) => ifFound(inspectById(host, id))))).filter(
    (c): c is ContainerInspect => !!c,
  );
  const refs = [...new Set(containers.map((c) => c.Image ?? "").filter(Boolean))];
  const images = new Map<string, ImageInspect>();
  await Promise.all(
    refs.map(async (r) => {
      const i = await ifFound(inspectEngineImage(host, r));
      if (i) images.set(r, i);
    }),
  );
  return { containers, images };
}

/**
 * Containers another tool made (their config hash is not one Wharf computes) whose settings are
 * what the file asks for: each is written back as compose would have written it, read as the file
 * is read, and compared by Wharf's own hash. Those are kept, not recreated, when Wharf adopts them.
 */
export async function foreignMatches(
  host: HostConnection,
  project: ComposeProject,
  current: readonly ProjectContainer[],
): Promise<Set<string>> {
  const foreign = current.filter((c) => {
    const s = project.services[c.service];
    return s && !c.version.startsWith("wharf-") && c.hash !== configHash(project, s);
  });
  if (!foreign.length) return new Set();
  const { containers, images } = await inspectAll(
    host,
    foreign.map((c) => c.id),
  );
  const same = new Set<string>();
  let written: ComposeProject;
  try {
    // One file for all of them, so links and shared namespaces between their services resolve.
    written = loadCompose({
      compose: composeFromContainers(project.name, containers, images),
      projectName: project.name,
    }).project;
  } catch {
    // A project the loader cannot read back is not known to match: its containers are recreated.
    return same;
  }
  for (const c of containers) {
    const service = foreign.find((f) => f.id === c.Id)?.service ?? "";
    const wanted = project.services[service];
    const seen = written.services[service];
    if (wanted && seen && configHash(written, inFileOrder(seen, wanted)) === configHash(project, wanted))
      same.add(c.Id ?? "");
  }
  return same;
}

/** The written service with its links in the file's order when they are the same links: their order means nothing. */
function inFileOrder(seen: ComposeService, wanted: ComposeService): ComposeService {
  const same =
    seen.links.length === wanted.links.length &&
    [...seen.links].sort().join("\n") === [...wanted.links].sort().join("\n");
  return same ? { ...seen, links: wanted.links } : seen;
}
