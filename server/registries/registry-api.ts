import { AppError } from "../../lib/errors";
import type { RegistryPage, RegistryTagDetail } from "../../lib/types";
import {
  digestOf,
  imageConfigFacts,
  isImageConfig,
  ManifestError,
  MANIFEST_ACCEPT,
  summarizeManifest,
} from "./manifest";
import { RegistryClient, type RegistryReply } from "./registry-client";
import type { RegistryTarget } from "./registry-store";
import { fieldIn } from "../../lib/parse";

export const DEFAULT_PAGE_SIZE = 100;

export interface PageRequest {
  n?: number;
  last?: string;
}

/**
 * The `last` of the next page from a v2 Link header (`</v2/_catalog?last=idle&n=2>; rel="next"`);
 * the registry decides where a page ends, so its link is followed rather than guessed.
 */
export function nextFromLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    const [, target = "", params = ""] = m ?? [];
    if (!m || !/;\s*rel="?next"?/i.test(params)) continue;
    try {
      return new URL(target, "http://registry.invalid").searchParams.get("last") ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function pageQuery(page: PageRequest): string {
  const q = new URLSearchParams({ n: String(page.n ?? DEFAULT_PAGE_SIZE) });
  if (page.last) q.set("last", page.last);
  return q.toString();
}

export async function listRepositories(target: RegistryTarget, page: PageRequest): Promise<RegistryPage> {
  const client = new RegistryClient(target);
  const reply = await client.request("GET", `/v2/_catalog?${pageQuery(page)}`);
  const items = stringsIn(fieldIn(client.json(reply), "repositories"));
  const next = nextFromLink(reply.headers.get("link"));
  return { items, ...(next ? { next } : {}) };
}

/** A repository whose tags were all deleted answers `tags: null`: an empty list, not an error. */
export async function listTags(
  target: RegistryTarget,
  name: string,
  page: PageRequest,
): Promise<RegistryPage> {
  const client = new RegistryClient(target);
  const reply = await client.request("GET", `/v2/${name}/tags/list?${pageQuery(page)}`);
  const items = stringsIn(fieldIn(client.json(reply), "tags"));
  const next = nextFromLink(reply.headers.get("link"));
  return { items, ...(next ? { next } : {}) };
}

/** A list field of a registry's reply, keeping only its strings (`tags: null` is an empty list). */
const stringsIn = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

const isDigest = (ref: string) => ref.includes(":");

function manifestDigest(reply: RegistryReply): string {
  return reply.headers.get("docker-content-digest") ?? digestOf(reply.body);
}

/** A manifest Wharf cannot read is the registry's problem: a 502 that names it. */
function summarize<T>(target: RegistryTarget, what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    throw new AppError("ENGINE_ERROR", `registry "${target.name}" ${e.message} for ${what}`, {
      registry: target.name,
    });
  }
}

export async function tagDetail(
  target: RegistryTarget,
  name: string,
  ref: string,
): Promise<RegistryTagDetail> {
  const client = new RegistryClient(target);
  const reply = await client.request("GET", `/v2/${name}/manifests/${ref}`, { accept: MANIFEST_ACCEPT });
  const summary = summarize(target, `${name}:${ref}`, () =>
    summarizeManifest(client.json(reply), reply.headers.get("content-type")),
  );
  const detail: RegistryTagDetail = {
    repository: name,
    reference: ref,
    digest: isDigest(ref) ? ref : manifestDigest(reply),
    ...summary,
  };
  if (isImageConfig(summary.config)) {
    // The creation time lives in the config blob; a registry that will not serve it still has a manifest to show.
    try {
      const blob = await client.request("GET", `/v2/${name}/blobs/${summary.config.digest}`);
      Object.assign(detail, imageConfigFacts(client.json(blob)));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  return detail;
}

/**
 * Registries delete manifests, not tags: the tag's digest is looked up and deleted, which also drops
 * every other tag of this repository on the same digest.
 */
export async function deleteTag(
  target: RegistryTarget,
  name: string,
  ref: string,
): Promise<{ digest: string }> {
  const client = new RegistryClient(target);
  let digest = ref;
  if (!isDigest(ref)) {
    const head = await client.request("HEAD", `/v2/${name}/manifests/${ref}`, { accept: MANIFEST_ACCEPT });
    const fromHeader = head.headers.get("docker-content-digest");
    digest =
      fromHeader ??
      manifestDigest(
        await client.request("GET", `/v2/${name}/manifests/${ref}`, { accept: MANIFEST_ACCEPT }),
      );
  }
  await client.request("DELETE", `/v2/${name}/manifests/${digest}`, {
    refusalHint: "the registry must allow deletes, e.g. storage.delete.enabled: true",
  });
  return { digest };
}
