/**
 * `loadCompose`: a compose file and its `.env` to the project Wharf deploys, or a VALIDATION error
 * listing every issue with its line and column.
 */
import { AppError } from "../errors";
import type { LoadContext } from "./context";
import { parseEnvFile } from "./env-file";
import { findCycle } from "./graph";
import { interpolateTree, isPlainObject } from "./interpolate";
import { formatPath, Issues, q } from "./issues";
import { convertLegacyV1, isLegacyV1 } from "./legacy";
import type { ComposeIssue, ComposeLoadInput, ComposeLoadNotes, ComposeLoadResult } from "./model";
import { declaredKeys, normalizeProject } from "./normalize";
import type { RawCompose } from "./raw";
import { checkSupportedKeys } from "./supported-check";
import { castTypes } from "./type-cast";
import { validateSchema } from "./validate";
import { type ComposeYaml, locate, parseComposeYaml } from "./yaml-doc";

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const KNOWN_VERSION = /^[23](\.\d+)*$/;

export function loadCompose(input: ComposeLoadInput): ComposeLoadResult {
  const parsed = parseComposeYaml(input.compose);
  const warnings = [...parsed.warnings];
  if (!parsed.yaml) fail(parsed.issues);
  let yaml: ComposeYaml = parsed.yaml;
  const notes: ComposeLoadNotes = { warnings };
  if (isLegacyV1(yaml.doc)) {
    const { doc, compose, changes } = convertLegacyV1(yaml.doc);
    yaml = { doc, lines: yaml.lines };
    notes.converted = { from: "v1", compose, changes };
  }

  const issues = new Issues();
  const env = parseEnvFile(input.env ?? "");
  for (const issue of env.issues) issues.add([".env"], `line ${issue.line}: ${issue.message}`);
  for (const name of env.unset) warnings.push(`.env: the variable ${q(name)} is not set; it became ""`);

  let data: unknown;
  try {
    data = yaml.doc.toJS();
  } catch (e) {
    // yaml refuses documents whose aliases expand without bound.
    fail([{ path: "", message: e instanceof Error ? e.message : String(e) }]);
  }
  const unset = new Set<string>();
  data = tidySections(castTypes(interpolateTree(data, (name) => env.vars[name], issues, unset)));
  for (const name of unset) warnings.push(`the variable ${q(name)} is not set; it became ""`);

  const orchestrator = input.orchestrator ?? "compose";
  const schemaIssues = validateSchema(data);
  for (const issue of schemaIssues) issues.add(issue.path, issue.message);
  // A key the schema already reports as unknown is not also reported as unsupported.
  const unsupported = checkSupportedKeys(data, orchestrator).filter((i) => !issues.has(i.path));
  for (const issue of unsupported) issues.add(issue.path, issue.message);
  // Values of the wrong shape would mislead the normalizer; unknown or unsupported keys do not.
  if (schemaIssues.some((i) => !i.unknownKey)) fail(located(yaml, issues));
  issues.settle();

  const raw = data as RawCompose;
  if (raw.version !== undefined) {
    warnings.push(
      KNOWN_VERSION.test(raw.version)
        ? `the \`version\` key (${q(raw.version)}) is obsolete and was ignored`
        : `the \`version\` key names no known compose version (${q(raw.version)}); it was ignored`,
    );
  }
  const project = raw.name ?? input.projectName;
  if (!PROJECT_NAME.test(project)) {
    issues.add(
      ["name"],
      `the project name ${q(project)} must start with a lowercase letter or digit and hold only lowercase letters, digits, "_" and "-"`,
    );
  }
  const ctx: LoadContext = {
    project,
    files: input.files ?? {},
    vars: env.vars,
    workingDir: input.workingDir ?? "/",
    orchestrator,
    issues,
    warnings,
    declared: declaredKeys(raw),
  };
  const result = normalizeProject(ctx, raw, input.profiles ?? []);
  const cycle = findCycle(result);
  if (cycle) {
    issues.add(
      ["services", cycle.cycle[0] ?? "", cycle.via],
      `services depend on each other in a cycle: ${cycle.cycle.join(" -> ")}`,
    );
  }
  if (issues.size > 0) fail(located(yaml, issues));
  return { ...notes, project: result };
}

const NAMED_SECTIONS = ["services", "networks", "volumes", "configs", "secrets"];

/**
 * An empty section (`volumes:` with nothing under it) is no section; `x-` entries among services,
 * networks and the like are extensions (often anchors), not objects.
 */
function tidySections(doc: unknown): unknown {
  if (!isPlainObject(doc)) return doc;
  for (const section of NAMED_SECTIONS) {
    const map = doc[section];
    if (map === null) delete doc[section];
    if (isPlainObject(map)) for (const key of Object.keys(map)) if (key.startsWith("x-")) delete map[key];
  }
  return doc;
}

function located(yaml: ComposeYaml, issues: Issues): ComposeIssue[] {
  const out = issues.list.map((issue): ComposeIssue => {
    const place = issue.path[0] === ".env" ? undefined : locate(yaml, issue.path);
    return { path: formatPath(issue.path), message: issue.message, ...(place ?? {}) };
  });
  // The first issue in the file comes first, so the error's message names it.
  return out
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
        (a.issue.col ?? 0) - (b.issue.col ?? 0) ||
        a.i - b.i,
    )
    .map(({ issue }) => issue);
}

function fail(issues: ComposeIssue[]): never {
  const [first] = issues;
  const text = first
    ? first.path
      ? `${first.path}: ${first.message}`
      : first.message
    : "the compose file is not valid";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new AppError("VALIDATION", text + more, { issues });
}
