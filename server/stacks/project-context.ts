import { parseLabelSelector } from "../../lib/container-filter";
import type { Principal } from "../auth/principal";
import type { ProjectContext } from "./service-body";

/** The compose file's name in the project labels; the CLI reads only the label, never the file. */
export const STACK_CONFIG_FILE = "docker-compose.yml";

/** Where relative paths of a stack Wharf keeps resolve on its host (bind sources); shown in its labels. */
export const stackWorkingDir = (name: string) => `/opt/wharf/stacks/${name}`;

/** A label-scoped principal's stack carries its scope's label on every container, network and volume. */
export function projectContext(p: Principal, name: string): ProjectContext {
  const scopeLabels: Record<string, string> = {};
  if (p.scope.labelSelector) {
    const { key, value = "" } = parseLabelSelector(p.scope.labelSelector);
    scopeLabels[key] = value;
  }
  return {
    workingDir: stackWorkingDir(name),
    configFiles: `${stackWorkingDir(name)}/${STACK_CONFIG_FILE}`,
    scopeLabels,
  };
}
