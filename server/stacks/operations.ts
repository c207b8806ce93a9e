import type { ComposeProject } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import { COMPOSE_LABELS, type StackOperation } from "../../lib/stacks/types";
import { removeQuietly } from "../engines/container-create";
import { ACTION_TIMEOUT_MS, engineCall } from "../engines/engine-call";
import { dial } from "../engines/engine-dial";
import type { HostConnection } from "../engines/host-connection";
import { listEngineNetworks } from "../engines/networks";
import { fetchVolumeList } from "../engines/volumes";
import { ifFound, toAppError } from "../errors";
import { anonymousVolumes } from "./inherit-volumes";
import type { ProjectContainer } from "./projects";
import type { StackJob } from "./stack-job";
import { inspectById, startIfStopped, stopContainer } from "./stack-engine";

export interface OperationInput {
  host: HostConnection;
  name: string;
  containers: readonly ProjectContainer[];
  /** The stored file, when Wharf keeps one: it orders services and names volumes and images. */
  project?: ComposeProject;
  services?: readonly string[];
  pull?: (ref: string) => Promise<void>;
  down?: { volumes: boolean };
}

type ContainerOp = Exclude<StackOperation, "deploy" | "pull">;
const DOING = {
  stop: "stopping",
  start: "starting",
  restart: "restarting",
  down: "removing",
} as const satisfies Record<ContainerOp, string>;
const DONE = {
  stop: "stopped",
  start: "started",
  restart: "restarted",
  down: "removed",
} as const satisfies Record<ContainerOp, string>;

const failMessage = (err: unknown, hostId: string) => toAppError(err, { hostId, log: "[stacks] op" }).message;

/** Services in start order: a service after those it depends on (by the file, else by its label). */
export function startOrder(containers: readonly ProjectContainer[], project?: ComposeProject): string[] {
  const services = [
    ...new Set([...Object.keys(project?.services ?? {}), ...containers.map((c) => c.service)]),
  ];
  const deps = new Map<string, string[]>();
  for (const s of services) {
    const fromFile = project?.services[s] ? Object.keys(project.services[s].dependsOn) : undefined;
    const label = containers.find((c) => c.service === s)?.labels[COMPOSE_LABELS.dependsOn] ?? "";
    deps.set(
      s,
      fromFile ??
        label
          .split(",")
          .map((d) => d.split(":")[0] ?? "")
          .filter(Boolean),
    );
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (s: string, path: Set<string>) => {
    if (seen.has(s) || path.has(s)) return;
    path.add(s);
    for (const d of deps.get(s) ?? []) if (services.includes(d)) visit(d, path);
    seen.add(s);
    out.push(s);
  };
  for (const s of services) visit(s, new Set());
  return out;
}

/**
 * stop, start, restart, pull and down over a project's containers, service by service in
 * dependency order (reversed for stop and down). Each service reports how it ended.
 */
export async function runOperation(
  job: StackJob,
  op: Exclude<StackOperation, "deploy">,
  o: OperationInput,
): Promise<string[]> {
  const { host } = o;
  const order = startOrder(o.containers, o.project).filter(
    (s) => !o.services?.length || o.services.includes(s),
  );
  const sequence = op === "stop" || op === "down" ? [...order].reverse() : order;
  job.plan(order);
  const changed: string[] = [];
  const anonymous = new Set<string>();
  for (const service of sequence) {
    job.check();
    const mine = o.containers.filter((c) => c.service === service);
    try {
      if (op === "pull") {
        const image = o.project?.services[service]?.image ?? mine[0]?.image;
        if (!image || !o.pull) {
          job.service(service, "skipped", "no image to pull (built, or not in the file)");
          continue;
        }
        job.service(service, "working", `pulling ${image}`);
        await o.pull(image);
        job.service(service, "done", `pulled ${image}`);
        continue;
      }
      if (!mine.length) {
        job.service(service, "skipped", "no containers");
        continue;
      }
      for (const c of mine) {
        job.service(service, "working", `${DOING[op]} ${c.name}`);
        if (op === "stop" || op === "down" || op === "restart") await stopContainer(host, c.id);
        if (op === "start" || op === "restart") await startIfStopped(host, c.id);
        if (op === "down") {
          if (o.down?.volumes)
            for (const v of anonymousVolumes((await ifFound(inspectById(host, c.id))) ?? {}))
              anonymous.add(v);
          const err = await removeQuietly(host, c.id, { volumes: o.down?.volumes === true });
          if (err) throw new AppError("ENGINE_ERROR", `could not remove ${c.name}: ${err}`);
        }
        changed.push(c.id);
      }
      job.service(service, "done", `${DONE[op]} ${mine.length}`);
    } catch (err) {
      job.service(service, "failed", failMessage(err, host.spec.id));
    }
  }
  if (op === "down") await removeProjectObjects(job, o, anonymous);
  return changed;
}

/**
 * After down: the project's own networks, and when asked its declared volumes and the anonymous ones
 * its containers mounted (`anonymous`); never external ones.
 */
async function removeProjectObjects(
  job: StackJob,
  o: OperationInput,
  anonymous: ReadonlySet<string>,
): Promise<void> {
  const { host, name } = o;
  const networks = (await listEngineNetworks(host)).filter(
    (n) => n.Labels?.[COMPOSE_LABELS.project] === name && n.Name,
  );
  for (const n of networks) {
    try {
      await engineCall(
        host,
        (abortSignal) =>
          dial(host, {
            path: `/networks/${encodeURIComponent(n.Id ?? n.Name ?? "")}`,
            method: "DELETE",
            abortSignal,
            statusCodes: {
              204: true,
              200: true,
              403: "operation not supported for pre-defined networks",
              404: "no such network",
              500: "server error",
            },
          }),
        ACTION_TIMEOUT_MS,
      );
      job.log(`network ${n.Name}: removed`);
    } catch (err) {
      job.log(`network ${n.Name}: not removed: ${failMessage(err, host.spec.id)}`);
    }
  }
  if (!o.down?.volumes) return;
  const volumes = ((await fetchVolumeList(host)).Volumes ?? []).filter(
    (v) => v.Labels?.[COMPOSE_LABELS.project] === name && v.Name,
  );
  for (const v of volumes) {
    try {
      await engineCall(
        host,
        (abortSignal) => host.docker.getVolume(v.Name ?? "").remove({ abortSignal }),
        ACTION_TIMEOUT_MS,
      );
      job.log(`volume ${v.Name}: removed`);
    } catch (err) {
      job.log(`volume ${v.Name}: not removed: ${failMessage(err, host.spec.id)}`);
    }
  }
  for (const name of anonymous) {
    try {
      // Most went with their container; the rest were handed on by a recreate.
      const gone = await ifFound(
        engineCall(
          host,
          (abortSignal) => host.docker.getVolume(name).remove({ abortSignal }),
          ACTION_TIMEOUT_MS,
        ).then(() => true),
      );
      if (gone) job.log(`anonymous volume ${name.slice(0, 12)}: removed`);
    } catch (err) {
      job.log(`anonymous volume ${name.slice(0, 12)}: not removed: ${failMessage(err, host.spec.id)}`);
    }
  }
}
