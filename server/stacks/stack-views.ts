import type { StackDetail, StackService, StackState, StackSummary } from "../../lib/stacks/types";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { ComposeOrchestrator } from "../../lib/compose/model";
import type { EngineService } from "../swarm/engine-types";
import type { ProjectContainer } from "./projects";
import { loadRevision } from "./stack-plan";
import type { OpenRevision, StackStore, StoredStack } from "./stack-store";
import { redactEnv } from "./stack-store";

/** Declared services per stored revision: reading the file again for every list would be waste. */
const declared = new Map<string, { services: Record<string, { image?: string; replicas: number }> } | null>();

function declaredServices(
  hostId: string,
  name: string,
  rev: OpenRevision,
  orchestrator: ComposeOrchestrator,
) {
  const key = `${hostId}\0${name}\0${rev.revision}`;
  if (!declared.has(key)) {
    try {
      const { project } = loadRevision(name, rev, undefined, orchestrator);
      declared.set(key, {
        services: Object.fromEntries(
          Object.values(project.services).map((s) => [
            s.name,
            { ...(s.image ? { image: s.image } : {}), replicas: s.replicas },
          ]),
        ),
      });
    } catch {
      declared.set(key, null);
    }
  }
  return declared.get(key)?.services;
}

/** A swarm stack's service by its compose name, with its tasks running and wanted. */
function swarmServiceView(
  name: string,
  s: EngineService,
): NonNullable<StackService["swarm"]> & { key: string } {
  const full = s.Spec?.Name ?? s.ID;
  return {
    key: full.startsWith(`${name}_`) ? full.slice(name.length + 1) : full,
    id: s.ID,
    name: full,
    mode: s.Spec?.Mode?.Global ? "global" : "replicated",
    running: s.ServiceStatus?.RunningTasks ?? 0,
    desired: s.ServiceStatus?.DesiredTasks ?? s.Spec?.Mode?.Replicated?.Replicas ?? 0,
  };
}

function swarmStateOf(services: readonly EngineService[]): StackState {
  if (!services.length) return "down";
  const views = services.map((s) => swarmServiceView("", s));
  if (views.every((v) => v.running >= v.desired)) return "running";
  return views.some((v) => v.running > 0) ? "partial" : "stopped";
}

function stateOf(containers: readonly ProjectContainer[]): StackState {
  if (!containers.length) return "down";
  const running = containers.filter((c) => c.state === "running").length;
  return running === containers.length ? "running" : running ? "partial" : "stopped";
}

export function stackSummary(
  store: StackStore,
  hostId: string,
  name: string,
  stored: StoredStack | undefined,
  containers: readonly ProjectContainer[],
  swarmServices: readonly EngineService[] = [],
): StackSummary {
  const swarm = stored ? stored.orchestrator === "swarm" : swarmServices.length > 0;
  const views = swarmServices.map((s) => swarmServiceView(name, s));
  const services = new Set(swarm ? views.map((v) => v.key) : containers.map((c) => c.service));
  let updatedAt: number | undefined;
  let updatedBy: string | undefined;
  if (stored) {
    const rev = store.revision(hostId, name);
    for (const s of Object.keys(rev ? (declaredServices(hostId, name, rev, stored.orchestrator) ?? {}) : {}))
      services.add(s);
    const deployed = store.lastDeployed(hostId, name);
    const last = deployed ?? rev;
    if (last) {
      updatedAt = deployed?.deployedAt ?? last.at;
      updatedBy = deployed?.deployedBy ?? last.author;
    }
  }
  return {
    hostId,
    name,
    services: services.size,
    running: swarm
      ? views.reduce((n, v) => n + v.running, 0)
      : containers.filter((c) => c.state === "running").length,
    containers: swarm ? views.reduce((n, v) => n + v.desired, 0) : containers.length,
    state: swarm ? swarmStateOf(swarmServices) : stateOf(containers),
    source: stored ? "wharf" : "cli",
    ...(swarm ? { orchestrator: "swarm" as const } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    ...(updatedBy ? { updatedBy } : {}),
  };
}

export function stackDetail(
  store: StackStore,
  hostId: string,
  name: string,
  stored: StoredStack | undefined,
  containers: readonly ProjectContainer[],
  mayChange: boolean,
  swarmServices: readonly EngineService[] = [],
): StackDetail {
  const rev = stored ? store.revision(hostId, name) : undefined;
  const fromFile = rev && stored ? (declaredServices(hostId, name, rev, stored.orchestrator) ?? {}) : {};
  const views = new Map(swarmServices.map((s) => swarmServiceView(name, s)).map((v) => [v.key, v]));
  const names = [
    ...new Set([...Object.keys(fromFile), ...containers.map((c) => c.service), ...views.keys()]),
  ];
  const services: StackService[] = names.map((s) => {
    const mine = containers.filter((c) => c.service === s);
    const file = fromFile[s];
    const svc = views.get(s);
    const image =
      file?.image ??
      mine[0]?.image ??
      swarmServices.find((x) => x.ID === svc?.id)?.Spec?.TaskTemplate?.ContainerSpec?.Image;
    return {
      name: s,
      ...(image ? { image } : {}),
      ...(file ? { desired: file.replicas } : {}),
      ...(svc
        ? {
            swarm: { id: svc.id, name: svc.name, mode: svc.mode, running: svc.running, desired: svc.desired },
          }
        : {}),
      containers: mine.map((c) => ({
        id: c.id,
        name: c.name,
        number: c.number,
        state: c.state,
        status: c.status,
        image: c.image,
      })),
    };
  });
  const first = containers[0]?.labels;
  const files = first?.[COMPOSE_LABELS.configFiles];
  return {
    summary: stackSummary(store, hostId, name, stored, containers, swarmServices),
    services,
    ...(rev
      ? {
          current: {
            revision: rev.revision,
            message: rev.message,
            author: rev.author,
            at: rev.at,
            ...(rev.deployedAt ? { deployedAt: rev.deployedAt } : {}),
            ...(rev.deployedBy ? { deployedBy: rev.deployedBy } : {}),
            compose: rev.compose,
            env: mayChange ? rev.env : redactEnv(rev.env),
          },
        }
      : {}),
    ...(first?.[COMPOSE_LABELS.workingDir] ? { workingDir: first[COMPOSE_LABELS.workingDir] } : {}),
    ...(files ? { configFiles: files.split(",") } : {}),
  };
}
