import { POLICY, type Policy } from "./policy";

/** One call matched against the policy table: its key, its policy and the object it names, if any. */
export interface Matched {
  key: string;
  policy: Policy;
  /** The `{id}` or `{name}` of the path, decoded. */
  ref?: string;
  /** Rebuilds the path with another reference in place of `ref` (a full id resolved by scope). */
  withRef(ref: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Compiled {
  method: string;
  key: string;
  policy: Policy;
  re: RegExp;
  parts?: [string, string];
}

// Image and plugin names hold slashes (`local/busybox:1.35`, as the CLI sends them unencoded).
const GREEDY = /^\/(images|plugins|distribution)\//;

const compiled: Compiled[] = Object.entries(POLICY)
  .map(([key, policy]): Compiled => {
    const [method = "", path = ""] = key.split(" ");
    const m = /^(.*)\{\w+\}(.*)$/.exec(path);
    if (!m) return { method, key, policy, re: new RegExp(`^${escape(path)}$`) };
    const [, before = "", after = ""] = m;
    const seg = GREEDY.test(path) ? "(.+)" : "([^/]+)";
    return {
      method,
      key,
      policy,
      re: new RegExp(`^${escape(before)}${seg}${escape(after)}$`),
      parts: [before, after],
    };
  })
  // Fixed paths first: /images/json is the list, not an image called "json".
  .sort((a, b) => Number(!!a.parts) - Number(!!b.parts));

/** The API version prefix the CLI puts before every path once negotiated (`/v1.41`). */
export const VERSION_PREFIX = /^\/v\d+\.\d+(?=\/)/;

/** Matches a call (path without the version prefix) against the table; undefined when unclassified. */
export function matchCall(method: string, path: string): Matched | undefined {
  for (const c of compiled) {
    if (c.method !== method) continue;
    const m = c.re.exec(path);
    if (!m) continue;
    if (!c.parts) return { key: c.key, policy: c.policy, withRef: () => path };
    const [before, after] = c.parts;
    let ref: string;
    try {
      ref = decodeURIComponent(m[1] ?? "");
    } catch {
      return undefined;
    }
    return { key: c.key, policy: c.policy, ref, withRef: (r) => `${before}${encodeURIComponent(r)}${after}` };
  }
  return undefined;
}
