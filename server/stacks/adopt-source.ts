import fs from "node:fs/promises";
import path from "node:path";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { Principal } from "../auth/principal";
import type { HostConnection } from "../engines/host-connection";
import { listEngineNetworks } from "../engines/networks";
import { isScoped, labelCheck } from "../scope/targets";
import { roleAllows } from "../../lib/permissions";
import { composeFromContainers } from "./adopt";
import { inspectAll } from "./foreign-match";
import type { ProjectContainer } from "./projects";

const MAX_FILE = 512 * 1024;

export interface AdoptSource {
  compose: string;
  env: string;
  /** files: read from the paths in the project's labels; containers: written from their inspect documents. */
  from: "files" | "containers";
  note: string;
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > MAX_FILE) return undefined;
    return await fs.readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The files a CLI-made project was deployed from, when the host is this machine's own engine and
 * the caller may read anything on it (an unscoped admin): a label names the paths, and a label is
 * anyone's to write, so nobody else gets a file read on their say-so. Only compose files by name.
 */
async function readLabelledFiles(
  host: HostConnection,
  p: Principal,
  containers: readonly ProjectContainer[],
) {
  if (!host.spec.connection.socketPath || isScoped(p) || !roleAllows(p.role, "admin")) return undefined;
  const labels = containers[0]?.labels ?? {};
  const files = (labels[COMPOSE_LABELS.configFiles] ?? "").split(",").filter(Boolean);
  const [first] = files;
  if (files.length !== 1 || !first || !/\.ya?ml$/.test(first) || !path.isAbsolute(first)) return undefined;
  const compose = await readSmall(first);
  if (compose === undefined) return undefined;
  const dir = labels[COMPOSE_LABELS.workingDir] ?? path.dirname(first);
  const env = (await readSmall(path.join(dir, ".env"))) ?? "";
  return { compose, env, note: `read from ${first}` };
}

/** What a stack adopted from its containers starts from. */
export async function adoptSource(
  host: HostConnection,
  p: Principal,
  name: string,
  containers: readonly ProjectContainer[],
): Promise<AdoptSource> {
  const files = await readLabelledFiles(host, p, containers);
  if (files) return { ...files, from: "files" };
  const [{ containers: docs, images }, networks] = await Promise.all([
    inspectAll(
      host,
      containers.map((c) => c.id),
    ),
    // Settings only of networks the caller may see: labels are another team's to keep.
    listEngineNetworks(host).then((all) => all.filter((n) => labelCheck(p)(n.Labels ?? {}))),
  ]);
  return {
    compose: composeFromContainers(name, docs, images, networks),
    env: "",
    from: "containers",
    note: `written from the inspect documents of ${docs.length} container${docs.length === 1 ? "" : "s"}`,
  };
}
