/** Paths inside a container, as the file routes take them: checked here, never normalized silently. */

export const MAX_PATH_LENGTH = 4096;
export const MAX_NAME_BYTES = 255;

/**
 * Why `p` is not an absolute, normalized container path, or undefined when it is. Normalized means
 * what the engine would resolve to the same place: no empty, "." or ".." segment and no trailing "/"
 * (except "/" itself), so a path can never climb out of the folder it names.
 */
export function containerPathProblem(p: string): string | undefined {
  if (p.includes("\0")) return "must not contain a NUL character";
  if (p.length > MAX_PATH_LENGTH) return `must be at most ${MAX_PATH_LENGTH} characters`;
  if (!p.startsWith("/")) return 'must be absolute (start with "/")';
  if (p === "/") return undefined;
  if (p.endsWith("/")) return 'must not end with "/"';
  for (const seg of p.slice(1).split("/")) {
    if (seg === "") return 'must not contain "//"';
    if (seg === "..") return 'must not contain ".." segments';
    if (seg === ".") return 'must not contain "." segments';
  }
  return undefined;
}

/** Why `name` is not a single file name to create in a folder, or undefined when it is. */
export function fileNameProblem(name: string): string | undefined {
  if (name === "") return "is required";
  if (name.includes("\0")) return "must not contain a NUL character";
  if (name.includes("/")) return 'must be a single name without "/"';
  if (name === "." || name === "..") return 'must not be "." or ".."';
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES)
    return `must be at most ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/** `child` inside the folder `dir`, both as the rules above allow. */
export const joinPath = (dir: string, child: string) => (dir === "/" ? `/${child}` : `${dir}/${child}`);

/** The last segment of a path ("" for "/"). */
export const baseName = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** The folder holding `p` ("/" for "/" and for a top-level entry). */
export function parentPath(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}
