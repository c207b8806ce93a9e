/**
 * Whether a service as the engine holds it already is what the file asks for. Both specs are cut
 * down to what a stack file sets, with what the engine or the CLI adds on its own taken out
 * (image digests, network ids, config ids, default isolation), so an unchanged file keeps a service
 * whether Wharf or `docker stack deploy` made it.
 */
import type { EngineServiceSpec } from "../swarm/engine-types";
import { STACK_IMAGE } from "./labels";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Drops undefined, empty arrays and empty objects, so "absent" and "empty" compare equal. */
function prune(v: unknown): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(prune).filter((x): x is Json => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === "object") {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) {
      const x = prune((v as Record<string, unknown>)[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v as Json;
}

/** A policy with its zero fields dropped: the engine stores a zero it was not sent (MaxFailureRatio: 0). */
const nonZero = (o: object | undefined) =>
  o && Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0));

const stripDigest = (image: string | undefined) => image?.replace(/@sha256:[0-9a-f]{64}$/, "");

/**
 * The comparable part of a spec. `networkName` turns the engine's network ids back into names.
 */
export function canonicalSpec(
  spec: EngineServiceSpec,
  networkName: (ref: string) => string,
): Json | undefined {
  const tt = spec.TaskTemplate ?? {};
  const c = { ...(tt.ContainerSpec ?? {}) };
  const image = (spec.Labels?.[STACK_IMAGE] ?? stripDigest(c.Image)) || undefined;
  delete c.Image;
  if (c.Isolation === "default") delete c.Isolation;
  const files = (refs: { File?: unknown; ConfigName?: string; SecretName?: string }[] | undefined) =>
    refs?.map((r) => ({ name: r.ConfigName ?? r.SecretName, file: r.File }));
  const placement = { ...(tt.Placement ?? {}) };
  delete placement.Platforms;
  const endpoint = spec.EndpointSpec ?? {};
  return prune({
    name: spec.Name,
    labels: spec.Labels,
    image,
    container: { ...c, Configs: files(c.Configs), Secrets: files(c.Secrets) },
    resources: tt.Resources,
    restart: nonZero(tt.RestartPolicy),
    placement,
    log: tt.LogDriver,
    networks: (tt.Networks ?? [])
      .map((n) => ({ target: networkName(n.Target ?? ""), aliases: [...(n.Aliases ?? [])].sort() }))
      .sort((a, b) => a.target.localeCompare(b.target)),
    mode: spec.Mode,
    update: nonZero(spec.UpdateConfig),
    rollback: nonZero(spec.RollbackConfig),
    endpoint: { mode: endpoint.Mode === "vip" ? undefined : endpoint.Mode, ports: endpoint.Ports },
  });
}

/** The top-level parts that differ, in plain words for a plan ("image", "env", "replicas"…). */
export function specDifferences(
  wanted: EngineServiceSpec,
  held: EngineServiceSpec,
  networkName: (ref: string) => string,
): string[] {
  const a = canonicalSpec(wanted, networkName) as Record<string, Json> | undefined;
  const b = canonicalSpec(held, networkName) as Record<string, Json> | undefined;
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  const out: string[] = [];
  for (const k of [...keys].sort()) {
    const x = a?.[k];
    const y = b?.[k];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (
      k === "container" &&
      x &&
      y &&
      typeof x === "object" &&
      typeof y === "object" &&
      !Array.isArray(x) &&
      !Array.isArray(y)
    ) {
      const inner = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const f of [...inner].sort())
        if (JSON.stringify(x[f]) !== JSON.stringify(y[f])) out.push(f.toLowerCase());
    } else out.push(k === "mode" ? "mode or replicas" : k);
  }
  return out;
}
