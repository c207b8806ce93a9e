import type { ComposeProject, ComposeService } from "../../lib/compose/model";

/** The image a service runs: its `image:`, or compose v2's name for one it builds, `<project>-<service>`. */
export const imageOf = (project: Pick<ComposeProject, "name">, s: Pick<ComposeService, "name" | "image">) =>
  s.image ?? `${project.name}-${s.name}`;
