import { parseReference } from "@/lib/images/reference";

/**
 * Why `ref` is not a valid image reference, worded like the server's VALIDATION message
 * ("image: reason"), so a typo is named before any request; undefined when it is fine.
 */
export function checkReference(ref: string, field = "image"): string | undefined {
  const r = ref.trim();
  if (!r) return `${field}: enter a reference, e.g. localhost:5000/busybox:1.35`;
  const parsed = parseReference(r);
  return parsed.ok ? undefined : `${field}: ${parsed.error}`;
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
