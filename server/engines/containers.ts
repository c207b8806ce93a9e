import type Dockerode from "dockerode";
import { AppError } from "../../lib/errors";
import type {
  ContainerAction,
  ContainerDetail,
  ContainerState,
  ContainerSummary,
  PortBinding,
} from "../../lib/types";
import { CONTAINER_STATES } from "../../lib/types";
import { engineInfo } from "./docker-client";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { ContainerInspect } from "./engine-types";
import type { HostConnection } from "./host-connection";
import { isOneOf } from "../../lib/parse";

function toState(raw: string | undefined): ContainerState {
  const s = (raw ?? "").toLowerCase();
  return isOneOf(CONTAINER_STATES, s) ? s : "dead";
}

function toPorts(ports: Dockerode.Port[] | undefined): PortBinding[] {
  return (ports ?? []).map((p) => ({
    privatePort: p.PrivatePort,
    ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
    ...(p.IP ? { ip: p.IP } : {}),
    type: p.Type,
  }));
}

export function toContainerSummary(hostId: string, c: Dockerode.ContainerInfo): ContainerSummary {
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    image: c.Image,
    state: toState(c.State),
    status: c.Status,
    created: c.Created,
    labels: c.Labels ?? {},
    ports: toPorts(c.Ports),
    hostId,
  };
}

export async function listContainers(host: HostConnection): Promise<ContainerSummary[]> {
  const raw = await engineCall(host, (abortSignal) => host.docker.listContainers({ all: true, abortSignal }));
  return raw.map((c) => toContainerSummary(host.spec.id, c));
}

/** A container's detail as the server holds it: the engine's typed inspect document, and what Wharf derives. */
export type EngineContainerDetail = Omit<ContainerDetail, "inspect"> & { inspect: ContainerInspect };

export function deriveDetail(
  hostId: string,
  info: ContainerInspect,
  now: number = Date.now(),
): EngineContainerDetail {
  const started = info.State?.StartedAt;
  const startedMs = started && !started.startsWith("0001-") ? Date.parse(started) : NaN;
  const state = toState(info.State?.Status ?? undefined);
  return {
    hostId,
    inspect: info,
    derived: {
      name: (info.Name ?? "").replace(/^\//, ""),
      shortId: (info.Id ?? "").slice(0, 12),
      state,
      ...(info.State?.Health?.Status ? { health: info.State.Health.Status } : {}),
      ...(started && !started.startsWith("0001-") ? { startedAt: started } : {}),
      ...(info.State?.FinishedAt && !info.State.FinishedAt.startsWith("0001-")
        ? { finishedAt: info.State.FinishedAt }
        : {}),
      ...(state === "running" && Number.isFinite(startedMs)
        ? { uptimeSeconds: Math.max(0, Math.round((now - startedMs) / 1000)) }
        : {}),
    },
  };
}

/** The engine resolves a full id, a unique id prefix or a name, as the CLI does; an ambiguous prefix is its 4xx. */
export async function inspectContainer(host: HostConnection, ref: string): Promise<EngineContainerDetail> {
  const info = await engineCall(host, (abortSignal) =>
    host.docker.getContainer(ref).inspect({ abortSignal }),
  );
  // The one place dockerode's hand-written type meets the Engine API's own definition.
  return deriveDetail(host.spec.id, info as unknown as ContainerInspect);
}

export async function runContainerAction(
  host: HostConnection,
  ref: string,
  action: ContainerAction,
): Promise<void> {
  const c = host.docker.getContainer(ref);
  await engineCall(
    host,
    async (abortSignal) => {
      const opts = { abortSignal };
      switch (action) {
        case "start":
          return void (await c.start(opts));
        case "stop":
          return void (await c.stop(opts));
        case "restart":
          return void (await c.restart(opts));
        case "kill":
          return void (await c.kill(opts));
        case "pause":
          return void (await c.pause(opts));
        case "unpause":
          return void (await c.unpause(opts));
        default:
          throw new AppError("VALIDATION", `unknown action "${String(action)}"`);
      }
    },
    ACTION_TIMEOUT_MS,
  );
}

export async function removeContainer(
  host: HostConnection,
  ref: string,
  opts: { force: boolean; volumes: boolean },
): Promise<void> {
  await engineCall(
    host,
    (abortSignal) =>
      host.docker.getContainer(ref).remove({ force: opts.force, v: opts.volumes, abortSignal }),
    ACTION_TIMEOUT_MS,
  );
}

export async function hostInfo(host: HostConnection): Promise<Record<string, unknown>> {
  const info = await engineCall(host, (abortSignal) => engineInfo(host.docker, abortSignal));
  return {
    name: info.Name,
    serverVersion: info.ServerVersion,
    os: info.OperatingSystem,
    osType: info.OSType,
    kernelVersion: info.KernelVersion,
    architecture: info.Architecture,
    cpus: info.NCPU,
    memoryBytes: info.MemTotal,
    cgroupDriver: info.CgroupDriver,
    cgroupVersion: info.CgroupVersion ?? "1",
    storageDriver: info.Driver,
    containers: info.Containers,
    containersRunning: info.ContainersRunning,
    containersPaused: info.ContainersPaused,
    containersStopped: info.ContainersStopped,
    images: info.Images,
  };
}
