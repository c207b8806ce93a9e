import type { StackDetail, StackService, StackState, StackSummary } from "../../lib/stacks/types";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { ProjectContainer } from "./projects";
import { loadRevision } from "./stack-plan";
import type { OpenRevision, StackStore, StoredStack } from "./stack-store";
import { redactEnv } from "./stack-store";

/** Declared services per stored revision: reading the file again for every list would be waste. */
const declared = new Map<string, { services: Record<string, { image?: string; replicas: number }> } | null>();

function declaredServices(hostId: string, name: string, rev: OpenRevision) {
  const key = `${hostId}\0${name}\0${rev.revision}`;
  if (!declared.has(key)) {
    try {
      const { project } = loadRevision(name, rev);
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
): StackSummary {
  const services = new Set(containers.map((c) => c.service));
  let updatedAt: number | undefined;
  let updatedBy: string | undefined;
  if (stored) {
    const rev = store.revision(hostId, name);
    for (const s of Object.keys(rev ? (declaredServices(hostId, name, rev) ?? {}) : {})) services.add(s);
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
    running: containers.filter((c) => c.state === "running").length,
    containers: containers.length,
    state: stateOf(containers),
    source: stored ? "wharf" : "cli",
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
): StackDetail {
  const rev = stored ? store.revision(hostId, name) : undefined;
  const fromFile = rev ? (declaredServices(hostId, name, rev) ?? {}) : {};
  const names = [...new Set([...Object.keys(fromFile), ...containers.map((c) => c.service)])];
  const services: StackService[] = names.map((s) => {
    const mine = containers.filter((c) => c.service === s);
    const file = fromFile[s];
    return {
      name: s,
      ...(file?.image || mine[0]?.image ? { image: file?.image ?? mine[0]?.image } : {}),
      ...(file ? { desired: file.replicas } : {}),
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
    summary: stackSummary(store, hostId, name, stored, containers),
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
