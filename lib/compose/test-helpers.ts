/** Shared by the loader's tests: load a file, or get the issues it is refused with. */
import { AppError } from "../errors";
import { loadCompose } from "./load";
import type { ComposeIssue, ComposeLoadInput, ComposeLoadResult } from "./model";

export function load(compose: string, input: Partial<ComposeLoadInput> = {}): ComposeLoadResult {
  return loadCompose({ projectName: "demo", ...input, compose });
}

export function refusal(
  compose: string,
  input: Partial<ComposeLoadInput> = {},
): { message: string; issues: ComposeIssue[] } {
  try {
    load(compose, input);
  } catch (e) {
    if (e instanceof AppError && e.code === "VALIDATION") {
      return { message: e.message, issues: (e.details as { issues: ComposeIssue[] }).issues };
    }
    throw e;
  }
  throw new Error("the file was accepted");
}

/** "path: message" for each issue, in the loader's order. */
export function issueLines(compose: string, input: Partial<ComposeLoadInput> = {}): string[] {
  return refusal(compose, input).issues.map((i) => `${i.path}: ${i.message}`);
}
