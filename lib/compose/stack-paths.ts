/** Paths of the stack: files it carries (by relative path) and bind sources on the host. */

/** Joins and normalizes POSIX path parts; ".." never climbs above the first part's root. */
function normalize(parts: string[], absolute: boolean): string | undefined {
  const out: string[] = [];
  for (const part of parts.join("/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) {
        if (!absolute) return undefined;
        continue;
      }
      out.pop();
    } else out.push(part);
  }
  return (absolute ? "/" : "") + out.join("/");
}

/** "./conf/app.conf" → "conf/app.conf"; undefined for an absolute path or one that leaves the stack. */
export function stackFilePath(path: string): string | undefined {
  if (path.startsWith("/") || path.startsWith("~")) return undefined;
  const p = normalize([path], false);
  return p === undefined ? undefined : p === "" ? "." : p;
}

/** A bind source as an absolute host path: relative ones resolve against the working directory. */
export function resolveHostPath(workingDir: string, path: string): string {
  if (path.startsWith("/")) return normalize([path], true) ?? "/";
  const base = workingDir.startsWith("/") ? workingDir : `/${workingDir}`;
  return normalize([base, path], true) ?? "/";
}
