/** What normalizing needs besides the document: the stack's files, its variables, and where issues go. */
import { type Issues, type Path, q } from "./issues";
import type { ComposeOrchestrator } from "./model";
import { stackFilePath } from "./stack-paths";

export interface LoadContext {
  project: string;
  files: Record<string, string>;
  /** The `.env` variables. */
  vars: Record<string, string>;
  workingDir: string;
  /** "swarm" reads the swarm's `deploy:` keys and reports the keys a swarm cannot honour. */
  orchestrator: ComposeOrchestrator;
  issues: Issues;
  warnings: string[];
  /** Keys declared under the top-level sections, for checking what services name. */
  declared: Record<"networks" | "volumes" | "configs" | "secrets", ReadonlySet<string>>;
}

export function undeclared(kind: string, name: string): string {
  return `${q(name)} is not declared under the top-level ${q(kind)}`;
}

/** A file of the stack by its path in the file; an issue at `at` and undefined when it is not there. */
export function readStackFile(ctx: LoadContext, path: string, at: Path): string | undefined {
  const key = stackFilePath(path);
  if (key === undefined) {
    ctx.issues.add(at, `${q(path)} must be a relative path inside the stack`);
    return undefined;
  }
  const text = ctx.files[key];
  if (text === undefined) ctx.issues.add(at, `the file ${q(path)} is not among the stack's files`);
  return text;
}

export function hasStackFile(ctx: LoadContext, path: string): boolean {
  const key = stackFilePath(path);
  return key !== undefined && ctx.files[key] !== undefined;
}
