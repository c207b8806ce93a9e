import { parseReference } from "@/lib/images/reference";
import type { FormProblem, ProblemField, ProblemReason } from "./problem";

/** parseReference's reasons, each to its message; one this table does not know is shown as it is. */
const REASONS: [RegExp, (m: RegExpExecArray) => ProblemReason][] = [
  [/^is required$/, () => ({ key: "required" })],
  [/^must not start or end with spaces$/, () => ({ key: "spaces" })],
  [/^has an invalid digest "(.*)"$/, (m) => ({ key: "badDigest", value: m[1] ?? "" })],
  [/^has an invalid tag "(.*)"$/, (m) => ({ key: "badTag", value: m[1] ?? "" })],
  [/^needs a repository name$/, () => ({ key: "noRepo" })],
  [/^repository name must be at most (\d+) characters$/, (m) => ({ key: "tooLong", max: Number(m[1]) })],
  [/^has an invalid registry host "(.*)"$/, (m) => ({ key: "badHost", value: m[1] ?? "" })],
  [/^has an empty path component$/, () => ({ key: "emptyPart" })],
  [/^repository name must be lowercase$/, () => ({ key: "lowercase" })],
  [/^has an invalid path component "(.*)"$/, (m) => ({ key: "badPart", value: m[1] ?? "" })],
];

function reasonOf(error: string): ProblemReason {
  for (const [re, reason] of REASONS) {
    const m = re.exec(error);
    if (m) return reason(m);
  }
  return { key: "other", reason: error };
}

/**
 * Why `ref` is not a valid image reference, worded like the server's VALIDATION message
 * ("image: reason") once translated, so a typo is named before any request; undefined when it is fine.
 */
export function checkReference(
  ref: string,
  field: ProblemField = "image",
  item?: string,
): FormProblem | undefined {
  const r = ref.trim();
  const at = item === undefined ? { field } : { field, item };
  if (!r) return { ...at, reason: { key: "enterReference" } };
  const parsed = parseReference(r);
  return parsed.ok ? undefined : { ...at, reason: reasonOf(parsed.error) };
}

/** Whether the first path part names a registry host, the way the engine decides it. */
export function hasDomain(ref: string): boolean {
  const parsed = parseReference(ref.trim());
  return parsed.ok && !!parsed.ref.domain;
}

/** The registry's host and port from its URL (`http://127.0.0.1:5000` → `127.0.0.1:5000`). */
export function registryHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.replace(/^\w+:\/\//, "").replace(/\/.*$/, "");
  }
}

/** A reference without a registry gets the chosen one's host, so "busybox:1.35" pulls from it. */
export function effectiveReference(ref: string, registryUrl?: string): string {
  const r = ref.trim();
  return registryUrl && r && !hasDomain(r) ? `${registryHost(registryUrl)}/${r}` : r;
}
