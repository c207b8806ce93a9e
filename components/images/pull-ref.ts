/**
 * The reference a pull asks for, as the user typed it, checked before any request so a typo is
 * named at once. The grammar is the distribution reference one: [domain[:port]/]path[:tag][@digest].
 */
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN =
  "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)";
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
);

/** Why `ref` is not a valid image reference, in the server's "field: reason" wording, or undefined. */
export function checkReference(ref: string): string | undefined {
  const r = ref.trim();
  if (!r) return "image: enter a reference, e.g. localhost:5000/busybox:1.35";
  if (/\s/.test(r)) return "image: must not contain spaces";
  if (r.length > 255) return "image: must be at most 255 characters";
  if (!REFERENCE.test(r))
    return "image: not a valid reference; use lowercase [registry/]name[:tag][@sha256:digest]";
  return undefined;
}

/** Whether the first path part names a registry host, the way the engine decides it. */
export function hasDomain(ref: string): boolean {
  const i = ref.indexOf("/");
  if (i < 0) return false;
  const first = ref.slice(0, i);
  return first.includes(".") || first.includes(":") || first === "localhost";
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
