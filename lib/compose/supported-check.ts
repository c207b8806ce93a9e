/** Walks the document and reports each key the schema may allow but Wharf does not implement. */
import { isPlainObject } from "./interpolate";
import type { Path, PathIssue, PathSegment } from "./issues";
import type { ComposeOrchestrator } from "./model";
import { supportedKeys, type SwarmKeyLevel } from "./supported";

/** How a key's value is laid out: one object, a map of named objects, or a list of objects. */
type Shape = "object" | "map" | "list";
type Children = Partial<Record<string, [SwarmKeyLevel, Shape]>>;

/** Where each nested key leads; a level is only reached when its parent key is supported. */
const CHILDREN: Partial<Record<SwarmKeyLevel, Children>> = {
  top: {
    services: ["service", "map"],
    networks: ["network", "map"],
    volumes: ["volume", "map"],
    configs: ["config", "map"],
    secrets: ["secret", "map"],
  },
  service: {
    build: ["service.build", "object"],
    deploy: ["service.deploy", "object"],
    healthcheck: ["service.healthcheck", "object"],
    logging: ["service.logging", "object"],
    ports: ["service.ports[]", "list"],
    volumes: ["service.volumes[]", "list"],
    networks: ["service.networks.*", "map"],
    depends_on: ["service.depends_on.*", "map"],
    env_file: ["service.env_file[]", "list"],
    configs: ["service.configs[]", "list"],
    secrets: ["service.secrets[]", "list"],
    ulimits: ["service.ulimits.*", "map"],
  },
  "service.deploy": {
    resources: ["service.deploy.resources", "object"],
    restart_policy: ["service.deploy.restart_policy", "object"],
    placement: ["service.deploy.placement", "object"],
    update_config: ["service.deploy.update_config", "object"],
    rollback_config: ["service.deploy.rollback_config", "object"],
  },
  "service.deploy.placement": { preferences: ["service.deploy.placement.preferences[]", "list"] },
  "service.deploy.resources": {
    limits: ["service.deploy.resources.limits", "object"],
    reservations: ["service.deploy.resources.reservations", "object"],
  },
  "service.volumes[]": {
    bind: ["service.volumes[].bind", "object"],
    volume: ["service.volumes[].volume", "object"],
    tmpfs: ["service.volumes[].tmpfs", "object"],
  },
  network: { external: ["network.external", "object"], ipam: ["network.ipam", "object"] },
  "network.ipam": { config: ["network.ipam.config[]", "list"] },
  volume: { external: ["volume.external", "object"] },
};

export function checkSupportedKeys(doc: unknown, orchestrator: ComposeOrchestrator = "compose"): PathIssue[] {
  const table = supportedKeys(orchestrator);
  const issues: PathIssue[] = [];
  const visit = (value: unknown, level: SwarmKeyLevel, path: PathSegment[]) => {
    if (!isPlainObject(value)) return;
    const known: readonly string[] = table[level] ?? [];
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith("x-")) continue;
      const at: Path = [...path, key];
      if (!known.includes(key)) {
        issues.push({ path: at, message: "not supported" });
        continue;
      }
      const next = CHILDREN[level]?.[key];
      if (!next) continue;
      const [childLevel, shape] = next;
      if (shape === "object") visit(child, childLevel, [...at]);
      else if (shape === "list" && Array.isArray(child))
        child.forEach((item: unknown, i) => visit(item, childLevel, [...at, i]));
      else if (shape === "map" && isPlainObject(child)) {
        for (const [name, item] of Object.entries(child))
          if (!name.startsWith("x-")) visit(item, childLevel, [...at, name]);
      }
    }
  };
  visit(doc, "top", []);
  return issues;
}
