/**
 * Where this process's own HTTP server answers, for the pages' server rendering (which runs in the
 * same process) to ask Wharf's API as the signed-in user does. Kept on a global symbol, not an
 * environment variable, so nothing outside the process can point it elsewhere.
 */
const KEY = Symbol.for("wharf.selfUrl");

type Holder = Record<symbol, string | undefined>;

export function publishSelfUrl(url: string | undefined): void {
  (globalThis as unknown as Holder)[KEY] = url;
}

export function selfUrl(): string | undefined {
  return (globalThis as unknown as Holder)[KEY];
}

/** The address to reach a server bound to `bind` from inside the same machine. */
export function loopbackOf(bind: string): string {
  if (bind === "0.0.0.0" || bind === "" || bind === "::") return "127.0.0.1";
  return bind.includes(":") ? `[${bind}]` : bind;
}
