/** Schema validation, with Ajv's errors turned into one readable issue per problem. */
import type { ErrorObject } from "ajv";
import { type PathIssue, type PathSegment, q } from "./issues";
import { composeValidator } from "./schema";
import { closestKey } from "./suggest";

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "a boolean (true or false)",
  array: "a list",
  object: "a mapping",
  null: "null",
};

interface Problem {
  path: PathSegment[];
  /** Set for a wrong type: the types that would have been accepted. */
  types?: string[];
  unknownKey?: boolean;
  message: string;
}

type Located = Problem & { pointer: string; alternative: boolean };

export interface SchemaIssue extends PathIssue {
  /** A key the schema does not know: the rest of the document still has the shape it expects. */
  unknownKey: boolean;
}

export function validateSchema(data: unknown): SchemaIssue[] {
  const validate = composeValidator();
  if (validate(data)) return [];
  let problems: Located[] = (validate.errors ?? []).map((e) => ({
    ...describe(e, data),
    pointer: e.instancePath,
    alternative: e.keyword === "oneOf" || e.keyword === "anyOf",
  }));
  // Every `oneOf` in the schema stands alone at its place, so all errors at or below that place come
  // from its branches. Deepest first, each collapses to what the branches found past the value's
  // type, or else to one "must be X or Y".
  const alternatives = problems
    .filter((p) => p.alternative)
    .sort((a, b) => b.pointer.length - a.pointer.length);
  for (const alt of alternatives) {
    const branches = problems.filter(
      (p) => p !== alt && (p.pointer === alt.pointer || p.pointer.startsWith(`${alt.pointer}/`)),
    );
    const replacement = collapse(alt, branches);
    problems = [...problems.filter((p) => p !== alt && !branches.includes(p)), ...replacement];
  }
  return problems.map(({ path, message, unknownKey }) => ({
    path,
    message,
    unknownKey: unknownKey ?? false,
  }));
}

/** What a `oneOf` leaves: its branches' errors past the value's type, or one merged type error. */
function collapse(alt: Located, branches: Located[]): Located[] {
  const deeper = branches.filter((p) => !(p.types && p.pointer === alt.pointer));
  if (deeper.length > 0) return deeper;
  if (branches.length === 0) return [{ ...alt, alternative: false }];
  const types = branches.flatMap((b) => b.types ?? []);
  return [{ ...typeProblem(alt.path, types), pointer: alt.pointer, alternative: false }];
}

function typeProblem(path: PathSegment[], types: string[]): Problem {
  const unique = [...new Set(types)];
  const names = unique.map((t) => TYPE_NAMES[t] ?? t);
  const last = names.pop() ?? "valid";
  return {
    path,
    types: unique,
    message: `must be ${names.length > 0 ? `${names.join(", ")} or ${last}` : last}`,
  };
}

/** The instance path as segments: numbers where the data holds a list. */
function segments(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const out: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      out.push(Number(key));
      node = node[Number(key)] as unknown;
    } else {
      out.push(key);
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

function describe(e: ErrorObject, data: unknown): Problem {
  const path = segments(e.instancePath, data);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type": {
      const t = params.type;
      return typeProblem(path, Array.isArray(t) ? t.map(String) : [String(t)]);
    }
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const parent = (e.parentSchema ?? {}) as { properties?: object; patternProperties?: object };
      const namePatterns = Object.keys(parent.patternProperties ?? {}).filter((p) => p !== "^x-");
      if (!parent.properties && namePatterns.length > 0) {
        return {
          path: [...path, key],
          message: `${q(key)} is not a valid name: use letters, digits, ".", "_" and "-"`,
          unknownKey: true,
        };
      }
      const hint = closestKey(key, Object.keys(parent.properties ?? {}));
      return {
        path: [...path, key],
        message: `unknown key${hint ? ` (did you mean ${q(hint)}?)` : ""}`,
        unknownKey: true,
      };
    }
    case "required":
      return { path, message: `needs ${q(params.missingProperty)}` };
    case "enum":
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => q(v)).join(", ")}`,
      };
    case "uniqueItems": {
      const [a, b] = [Number(params.i), Number(params.j)].sort((x, y) => x - y);
      return { path, message: `lists the same item twice (items ${a} and ${b})` };
    }
    case "minimum":
    case "maximum":
      return {
        path,
        message: `must be at ${e.keyword === "minimum" ? "least" : "most"} ${String(params.limit)}`,
      };
    case "oneOf":
    case "anyOf":
      return { path, message: "does not match any accepted form" };
    default:
      return { path, message: e.message ?? "is not valid" };
  }
}
