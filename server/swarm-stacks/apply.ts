/**
 * Deploys a planned swarm stack: networks, configs and secrets first, then each service created
 * or updated with the engine's version of it. A failed service is told with the engine's words and
 * the others go on, as `docker stack deploy` does; nothing half-made is left for a service the
 * engine refused (a create either happens or not; an update is one call).
 */
import { AppError } from "../../lib/errors";
import type { StackServiceProgress } from "../../lib/stacks/types";
import { classifyEngineError } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";
import {
  createObject,
  createService,
  inspectService,
  listObjects,
  removeService,
  updateService,
} from "../swarm/engine";
import type { EngineServiceSpec } from "../swarm/engine-types";
import type { SwarmStackPlan } from "./plan";

/** The part of a stack job a swarm deploy reports to. */
export interface StackProgress {
  plan(services: readonly string[]): void;
  service(service: string, state: StackServiceProgress["state"], detail: string): void;
  log(line: string): void;
  check(): void;
}

const engineWords = (err: unknown, hostId: string) => classifyEngineError(err, hostId).message;

async function ensureNetworks(host: HostConnection, plan: SwarmStackPlan, job: StackProgress): Promise<void> {
  const held = (await host.docker.listNetworks()) as { Name: string; Scope?: string }[];
  for (const n of plan.spec.networks) {
    const found = held.find((x) => x.Name === n.Name);
    if (n.external) {
      if (!found)
        throw new AppError("VALIDATION", `networks.${n.key}: the external network ${n.Name} does not exist`);
      if (found.Scope !== "swarm")
        throw new AppError(
          "VALIDATION",
          `networks.${n.key}: the external network ${n.Name} is ${found.Scope ?? "local"}-scoped; a swarm service needs a swarm-scoped one`,
        );
      continue;
    }
    if (found) continue;
    job.log(`creating network ${n.Name}`);
    await host.docker.createNetwork({
      Name: n.Name,
      Driver: n.Driver,
      Internal: n.Internal,
      Attachable: n.Attachable,
      Labels: n.Labels,
      Options: n.Options,
      CheckDuplicate: true,
    });
  }
}

/** Creates the missing configs and secrets; answers the ids of all of them by name. */
async function ensureFiles(
  host: HostConnection,
  plan: SwarmStackPlan,
  job: StackProgress,
): Promise<Record<"configs" | "secrets", Map<string, string>>> {
  const out = { configs: new Map<string, string>(), secrets: new Map<string, string>() };
  for (const kind of ["configs", "secrets"] as const) {
    const held = await listObjects(host, kind);
    for (const o of plan.spec[kind]) {
      const found = held.find((x) => x.Spec?.Name === o.Name);
      if (found) {
        out[kind].set(o.Name, found.ID);
        continue;
      }
      if (o.external)
        throw new AppError(
          "VALIDATION",
          `${kind}.${o.key}: the external ${kind.slice(0, -1)} ${o.Name} does not exist`,
        );
      job.log(`creating ${kind.slice(0, -1)} ${o.Name}`);
      const made = await createObject(host, kind, { Name: o.Name, Labels: o.Labels, Data: o.Data });
      out[kind].set(o.Name, made.ID);
    }
  }
  return out;
}

/** The spec with each config and secret reference carrying the engine's id. */
function withFileIds(
  spec: EngineServiceSpec,
  ids: Record<"configs" | "secrets", Map<string, string>>,
): EngineServiceSpec {
  const out = structuredClone(spec);
  const c = out.TaskTemplate?.ContainerSpec;
  if (c?.Configs)
    for (const r of c.Configs) r.ConfigID = ids.configs.get(r.ConfigName ?? "") ?? r.ConfigName ?? "";
  if (c?.Secrets)
    for (const r of c.Secrets) r.SecretID = ids.secrets.get(r.SecretName ?? "") ?? r.SecretName ?? "";
  return out;
}

export async function applySwarmStack(
  host: HostConnection,
  plan: SwarmStackPlan,
  job: StackProgress,
): Promise<void> {
  const steps = plan.view.steps;
  job.plan(steps.map((s) => s.service));
  await ensureNetworks(host, plan, job);
  const ids = await ensureFiles(host, plan, job);
  for (const step of steps) {
    job.check();
    const wanted = plan.spec.services.get(step.service);
    try {
      if (step.action === "keep") {
        job.service(step.service, "skipped", step.reason);
      } else if (step.action === "create" && wanted) {
        job.service(step.service, "working", `creating ${step.container}`);
        await createService(host, withFileIds(wanted, ids));
        job.service(step.service, "done", `created ${step.container}`);
      } else if (step.action === "update" && wanted && step.containerId) {
        job.service(step.service, "working", `updating ${step.container}`);
        // The engine's current version, read just now: the update is refused if someone else changed it since.
        const current = await inspectService(host, step.containerId);
        const next = withFileIds(wanted, ids);
        const force = current.Spec?.TaskTemplate?.ForceUpdate;
        if (force !== undefined && next.TaskTemplate) next.TaskTemplate.ForceUpdate = force;
        const r = await updateService(host, current.ID, current.Version?.Index ?? 0, next);
        for (const w of r.Warnings ?? []) job.log(`${step.service}: ${w}`);
        job.service(step.service, "done", `updated ${step.container}; the swarm rolls its tasks`);
      } else if (step.action === "remove" && step.containerId) {
        job.service(step.service, "working", `removing ${step.container}`);
        await removeService(host, step.containerId);
        job.service(step.service, "done", `removed ${step.container}`);
      }
    } catch (err) {
      job.service(step.service, "failed", engineWords(err, host.spec.id));
    }
  }
}
