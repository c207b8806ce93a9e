/**
 * Version-1 compose files (services at the top level, no `version`) moved under `services:`, with
 * the few keys that were renamed since. The conversion works on the YAML nodes so comments and
 * anchors survive in the text shown back to the user, and positions still point into the original.
 */
import { Document, isMap, isPair, isScalar, type Pair, type Scalar, YAMLMap } from "yaml";
import { YAML_OPTIONS } from "./yaml-doc";

const V2_TOP_LEVEL = new Set(["services", "version", "name", "networks", "volumes", "configs", "secrets"]);

function keyOf(pair: unknown): string | undefined {
  return isPair(pair) && isScalar(pair.key) && typeof pair.key.value === "string"
    ? pair.key.value
    : undefined;
}

/** A version-1 file: a mapping of services with none of the later top-level keys. */
export function isLegacyV1(doc: Document): boolean {
  const top = doc.contents;
  if (!isMap(top)) return false;
  const keys = top.items.map(keyOf);
  if (keys.some((k) => k !== undefined && V2_TOP_LEVEL.has(k))) return false;
  return keys.some((k) => k !== undefined && !k.startsWith("x-"));
}

export interface LegacyConversion {
  doc: Document;
  compose: string;
  changes: string[];
}

export function convertLegacyV1(doc: Document): LegacyConversion {
  const top = doc.contents as YAMLMap;
  const out = new Document(undefined, YAML_OPTIONS);
  const contents = new YAMLMap(out.schema);
  const services = new YAMLMap(out.schema);
  const changes: string[] = [];
  // Extension keys stay at the top and come first, so anchors they define precede their aliases.
  for (const pair of top.items) if (keyOf(pair)?.startsWith("x-")) contents.items.push(pair);
  for (const pair of top.items) {
    const name = keyOf(pair);
    if (name?.startsWith("x-")) continue;
    services.items.push(pair);
    if (name !== undefined && isMap(pair.value)) changes.push(...renameLegacyKeys(out, name, pair.value));
  }
  contents.add(out.createPair("services", services));
  out.contents = contents;
  out.commentBefore = doc.commentBefore;
  out.comment = doc.comment;
  const names = services.items.map(keyOf).filter((k) => k !== undefined);
  changes.unshift(
    `Moved the ${names.length === 1 ? "service" : "services"} ${listWords(names)} under a top-level \`services:\` key.`,
    "The services now share the project's default network, where each one reaches the others by its service name; `links` still add their aliases.",
  );
  return { doc: out, compose: out.toString(), changes };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

function renameLegacyKeys(doc: Document, service: string, map: YAMLMap): string[] {
  const changes: string[] = [];
  const net = findPair(map, "net");
  if (net && !findPair(map, "network_mode")) {
    (net.key as Scalar).value = "network_mode";
    changes.push(`${service}: \`net\` became \`network_mode\`.`);
  }
  const dockerfile = findPair(map, "dockerfile");
  if (dockerfile) {
    const build = findPair(map, "build");
    if (build && isMap(build.value)) build.value.set("dockerfile", dockerfile.value);
    else {
      const node = new YAMLMap<unknown, unknown>(doc.schema);
      node.set("context", build && isScalar(build.value) ? build.value : ".");
      node.set("dockerfile", dockerfile.value);
      if (build) build.value = node;
      else map.add(doc.createPair("build", node));
    }
    map.delete("dockerfile");
    changes.push(`${service}: \`dockerfile\` moved into \`build.dockerfile\`.`);
  }
  const driver = findPair(map, "log_driver");
  const options = findPair(map, "log_opt");
  if ((driver || options) && !findPair(map, "logging")) {
    const logging = new YAMLMap<unknown, unknown>(doc.schema);
    if (driver) logging.set("driver", driver.value);
    if (options) logging.set("options", options.value);
    map.delete("log_driver");
    map.delete("log_opt");
    map.add(doc.createPair("logging", logging));
    changes.push(
      `${service}: \`log_driver\` and \`log_opt\` became \`logging.driver\` and \`logging.options\`.`,
    );
  }
  return changes;
}

function listWords(words: string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1) ?? ""}`;
}
