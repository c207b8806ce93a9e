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
import { dial } from "./engine-dial";
import type { ContainerInspect, ContainerListItem } from "./engine-types";
import type { HostConnection } from "./host-connection";
import { isOneOf } from "../../lib/parse";

function toState(raw: string | undefined): ContainerState {
  const s = (raw ?? "").toLowerCase();
  return isOneOf(CONTAINER_STATES, s) ? s : "dead";
}

function toPorts(ports: ContainerListItem["Ports"]): PortBinding[] {
  return (ports ?? []).map((p) => ({
    privatePort: p.PrivatePort ?? 0,
    ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
    ...(p.IP ? { ip: p.IP } : {}),
    type: p.Type ?? "tcp",
  }));
}

export function toContainerSummary(hostId: string, c: ContainerListItem): ContainerSummary {
  const id = c.Id ?? "";
  return {
    id,
    name: (c.Names?.[0] ?? id.slice(0, 12)).replace(/^\//, ""),
    image: c.Image ?? "",
    state: toState(c.State ?? undefined),
    status: c.Status ?? "",
    created: c.Created ?? 0,
    labels: c.Labels ?? {},
    ports: toPorts(c.Ports),
    hostId,
  };
}

/** `GET /containers/json?all=1`, of only the given ids when asked (the engine matches id prefixes). */
export function engineContainerList(
  host: HostConnection,
  abortSignal: AbortSignal,
  ids?: readonly string[],
): Promise<ContainerListItem[]> {
  return dial<ContainerListItem[]>(host, {
    path: "/containers/json?",
    method: "GET",
    options: { all: true, ...(ids ? { filters: JSON.stringify({ id: ids }) } : {}) },
    abortSignal,
    statusCodes: { 200: true, 400: "bad parameter", 500: "server error" },
  });
}

/**
 * A host's containers: from its live state when that follows the engine, else from the engine.
 * Waits for changes already heard to be applied, so a list after an action shows the action.
 */
export async function listContainers(host: HostConnection): Promise<ContainerSummary[]> {
  const live = host.live.containers;
  if (await servable(host)) return live.list();
  const raw = await engineCall(host, (abortSignal) => engineContainerList(host, abortSignal));
  return raw.map((c) => toContainerSummary(host.spec.id, c));
}

/** The engine's container list items (mounts, networks, image ids), from the live state when it follows. */
export async function listContainerItems(host: HostConnection): Promise<ContainerListItem[]> {
  if (await servable(host)) return host.live.containers.rawList();
  return engineCall(host, (abortSignal) => engineContainerList(host, abortSignal));
}

async function servable(host: HostConnection): Promise<boolean> {
  const live = host.live.containers;
  return live.ready && (await live.settled()) && live.ready;
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
  await host.live.containers.touch(ref);
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
  await host.live.containers.touch(ref);
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
