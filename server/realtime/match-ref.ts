/**
 * Which of a socket's own subscriptions a container reference names, by the engine's rules: an exact
 * full id or name (with or without its leading slash) first, else an id prefix that matches only one.
 */
export function matchRef<T>(
  items: readonly T[],
  ref: string,
  of: (t: T) => { id: string; name: string },
): T[] {
  const name = ref.replace(/^\//, "");
  const exact = items.filter((t) => of(t).id === ref || of(t).name === name);
  if (exact.length) return exact;
  const byPrefix = ref ? items.filter((t) => of(t).id.startsWith(ref)) : [];
  return byPrefix.length === 1 ? byPrefix : [];
}
