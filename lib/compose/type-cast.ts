/**
 * After interpolation a value like `${REPLICAS}` is a string; as compose does, strings at places that
 * take a number or a boolean are read as one (`"3"` → 3, `"yes"` → true). Anything else is left for
 * the schema to reject with a clear message.
 */
import { isPlainObject } from "./interpolate";

function toBoolean(s: string): unknown {
  if (/^(y|yes|true|on)$/i.test(s)) return true;
  if (/^(n|no|false|off)$/i.test(s)) return false;
  return s;
}

function toInteger(s: string): unknown {
  return /^[+-]?\d+$/.test(s.trim()) ? Number(s) : s;
}

function toNumber(s: string): unknown {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s.trim()) ? Number(s) : s;
}

const BOOLEAN_PATHS = [
  "services.*.init",
  "services.*.privileged",
  "services.*.read_only",
  "services.*.stdin_open",
  "services.*.tty",
  "services.*.healthcheck.disable",
  "services.*.volumes.*.read_only",
  "services.*.volumes.*.bind.create_host_path",
  "services.*.volumes.*.volume.nocopy",
  "services.*.depends_on.*.restart",
  "services.*.depends_on.*.required",
  "services.*.env_file.*.required",
  "networks.*.external",
  "networks.*.internal",
  "networks.*.attachable",
  "networks.*.enable_ipv6",
  "volumes.*.external",
  "configs.*.external",
  "secrets.*.external",
];

const INTEGER_PATHS = [
  "services.*.scale",
  "services.*.deploy.replicas",
  "services.*.deploy.restart_policy.max_attempts",
  "services.*.deploy.placement.max_replicas_per_node",
  "services.*.deploy.update_config.parallelism",
  "services.*.deploy.rollback_config.parallelism",
  "services.*.healthcheck.retries",
  "services.*.ports.*.target",
  "services.*.ports.*.published",
  "services.*.ulimits.*",
  "services.*.ulimits.*.soft",
  "services.*.ulimits.*.hard",
  "services.*.configs.*.mode",
  "services.*.secrets.*.mode",
  "services.*.networks.*.priority",
];

const NUMBER_PATHS = [
  "services.*.deploy.update_config.max_failure_ratio",
  "services.*.deploy.rollback_config.max_failure_ratio",
];

function castAt(node: unknown, segs: string[], cast: (s: string) => unknown): unknown {
  const [seg, ...rest] = segs;
  if (seg === undefined) return typeof node === "string" ? cast(node) : node;
  if (Array.isArray(node)) {
    if (seg === "*") node.forEach((item: unknown, i) => (node[i] = castAt(item, rest, cast)));
  } else if (isPlainObject(node)) {
    for (const key of seg === "*" ? Object.keys(node) : [seg]) {
      if (key in node) node[key] = castAt(node[key], rest, cast);
    }
  }
  return node;
}

/** Casts in place and returns the document. */
export function castTypes(doc: unknown): unknown {
  for (const path of BOOLEAN_PATHS) castAt(doc, path.split("."), toBoolean);
  for (const path of INTEGER_PATHS) castAt(doc, path.split("."), toInteger);
  for (const path of NUMBER_PATHS) castAt(doc, path.split("."), toNumber);
  // `version: 3.8` written as a number is still only informational.
  if (isPlainObject(doc) && typeof doc.version === "number") doc.version = String(doc.version);
  return doc;
}
