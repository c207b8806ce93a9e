/**
 * Image references as the engine reads them: `[registry[:port]/]path[:tag][@algo:hex]`.
 * The grammar is the distribution project's; a first component counts as a registry only when it
 * holds a dot or a colon or is `localhost`, so `UPPER/case` is a bad repository name, not a host.
 */

export const DEFAULT_REGISTRY = "docker.io";
export const MAX_NAME_LENGTH = 255;

const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export interface ImageReference {
  /** The registry host as written (`127.0.0.1:5000`), or undefined for Docker Hub. */
  domain?: string;
  /** The repository path inside the registry (`wharf/busybox`). */
  path: string;
  tag?: string;
  digest?: string;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; error: string };

const looksLikeDomain = (s: string) => s.includes(".") || s.includes(":") || s === "localhost";

export function parseReference(input: string): ParsedReference {
  const fail = (error: string): ParsedReference => ({ ok: false, error });
  if (!input) return fail("is required");
  if (input !== input.trim()) return fail("must not start or end with spaces");
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return fail(`has an invalid digest "${digest}"`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return fail(`has an invalid tag "${tag}"`);
  }
  if (!rest) return fail("needs a repository name");
  if (rest.length > MAX_NAME_LENGTH)
    return fail(`repository name must be at most ${MAX_NAME_LENGTH} characters`);
  const parts = rest.split("/");
  let domain: string | undefined;
  const first = parts[0];
  if (parts.length > 1 && first !== undefined && looksLikeDomain(first)) {
    domain = first;
    parts.shift();
    if (!DOMAIN.test(domain)) return fail(`has an invalid registry host "${domain}"`);
  }
  for (const part of parts) {
    if (!part) return fail("has an empty path component");
    if (part.toLowerCase() !== part) return fail("repository name must be lowercase");
    if (!PATH_COMPONENT.test(part)) return fail(`has an invalid path component "${part}"`);
  }
  return {
    ok: true,
    ref: {
      ...(domain ? { domain } : {}),
      path: parts.join("/"),
      ...(tag ? { tag } : {}),
      ...(digest ? { digest } : {}),
    },
  };
}

/** The registry the engine would contact: the explicit host, else Docker Hub. */
export function registryHostOf(ref: ImageReference): string {
  return ref.domain ?? DEFAULT_REGISTRY;
}

/** `domain/path` as the engine names the repository (no tag or digest). */
export function repositoryOf(ref: ImageReference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** The reference written back, with `latest` when neither tag nor digest was given (as the engine pulls). */
export function formatReference(ref: ImageReference, defaultTag = true): string {
  const tag = ref.tag ?? (ref.digest || !defaultTag ? undefined : "latest");
  return `${repositoryOf(ref)}${tag ? `:${tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}

/** The path inside the registry's v2 API: Docker Hub puts one-word names under `library/`. */
export function registryPathOf(ref: ImageReference): string {
  return !ref.domain && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
}

/** A tag name on its own, for the tag action's `tag` field. */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}
