import { Readable } from "node:stream";
import type { ComposeNetwork, ComposeProject, ComposeVolume, ServiceFileRef } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import { ACTION_TIMEOUT_MS, engineCall } from "../engines/engine-call";
import { dial, OK } from "../engines/engine-dial";
import type { ContainerInspect } from "../engines/engine-types";
import type { HostConnection } from "../engines/host-connection";
import { writeTar } from "../images/tar";
import { WHARF_COMPOSE_VERSION, type ProjectContext } from "./service-body";

/** The engine calls a stack deploy makes beyond create and start: objects, files, waits. */

export async function createProjectNetwork(
  host: HostConnection,
  project: string,
  key: string,
  n: ComposeNetwork,
  ctx: ProjectContext,
): Promise<void> {
  const body = {
    Name: n.name,
    CheckDuplicate: true,
    ...(n.driver ? { Driver: n.driver } : {}),
    Internal: n.internal,
    Attachable: n.attachable,
    EnableIPv6: n.enableIpv6,
    Options: n.driverOpts,
    Labels: {
      ...n.labels,
      ...ctx.scopeLabels,
      [COMPOSE_LABELS.project]: project,
      [COMPOSE_LABELS.network]: key,
      [COMPOSE_LABELS.version]: WHARF_COMPOSE_VERSION,
    },
    ...(n.ipam
      ? {
          IPAM: {
            ...(n.ipam.driver ? { Driver: n.ipam.driver } : {}),
            Config: n.ipam.config.map((c) => ({
              ...(c.subnet ? { Subnet: c.subnet } : {}),
              ...(c.ipRange ? { IPRange: c.ipRange } : {}),
              ...(c.gateway ? { Gateway: c.gateway } : {}),
              ...(c.auxAddresses ? { AuxiliaryAddresses: c.auxAddresses } : {}),
            })),
            Options: n.ipam.options,
          },
        }
      : {}),
  };
  await engineCall(
    host,
    (abortSignal) =>
      dial(host, { path: "/networks/create", method: "POST", options: body, abortSignal, statusCodes: OK }),
    ACTION_TIMEOUT_MS,
  );
}

export async function createProjectVolume(
  host: HostConnection,
  project: string,
  key: string,
  v: ComposeVolume,
  ctx: ProjectContext,
): Promise<void> {
  const body = {
    Name: v.name,
    Driver: v.driver ?? "local",
    DriverOpts: v.driverOpts,
    Labels: {
      ...v.labels,
      ...ctx.scopeLabels,
      [COMPOSE_LABELS.project]: project,
      [COMPOSE_LABELS.volume]: key,
      [COMPOSE_LABELS.version]: WHARF_COMPOSE_VERSION,
    },
  };
  await engineCall(
    host,
    (abortSignal) =>
      dial(host, { path: "/volumes/create", method: "POST", options: body, abortSignal, statusCodes: OK }),
    ACTION_TIMEOUT_MS,
  );
}

const numeric = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * Writes a service's configs and secrets into a created container through the archive API, before
 * it starts: no bind mount of a server path, so it works on every host Wharf reaches.
 */
export async function putServiceFiles(
  host: HostConnection,
  containerId: string,
  project: ComposeProject,
  configs: readonly ServiceFileRef[],
  secrets: readonly ServiceFileRef[],
): Promise<void> {
  const entries = [
    ...configs.map((r) => ({ r, f: project.configs[r.source] })),
    ...secrets.map((r) => ({ r, f: project.secrets[r.source] })),
  ].map(({ r, f }) => {
    const uid = numeric(r.uid);
    const gid = numeric(r.gid);
    return {
      kind: "file" as const,
      name: r.target.replace(/^\/+/, ""),
      data: Buffer.from(f?.content ?? "", "utf8"),
      mode: r.mode ?? 0o444,
      mtime: Date.now(),
      ...(uid !== undefined ? { uid } : {}),
      ...(gid !== undefined ? { gid } : {}),
    };
  });
  if (!entries.length) return;
  const tar = writeTar(entries);
  await engineCall(
    host,
    (abortSignal) =>
      dial(host, {
        path: `/containers/${encodeURIComponent(containerId)}/archive?`,
        method: "PUT",
        options: { path: "/", noOverwriteDirNonDir: "true" },
        file: Readable.from([tar]),
        abortSignal,
        statusCodes: {
          200: true,
          400: "bad parameter",
          403: "read-only root filesystem",
          404: "no such container",
          500: "server error",
        },
      }),
    ACTION_TIMEOUT_MS,
  );
}

export const inspectById = (host: HostConnection, id: string) =>
  engineCall(host, (abortSignal) =>
    dial<ContainerInspect>(host, {
      path: `/containers/${encodeURIComponent(id)}/json`,
      method: "GET",
      abortSignal,
      statusCodes: { 200: true, 404: "no such container", 500: "server error" },
    }),
  );

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

const ns = 1e-6;

/**
 * Waits for a container's healthcheck to pass, as `service_healthy` asks. It fails when the
 * container stops, turns unhealthy, has no healthcheck, or takes longer than its own checks allow.
 */
export async function waitHealthy(
  host: HostConnection,
  id: string,
  name: string,
  signal: AbortSignal,
): Promise<void> {
  const first = await inspectById(host, id);
  const hc = first.Config?.Healthcheck;
  if (!first.State?.Health)
    throw new AppError("CONFLICT", `${name} has no healthcheck, so it cannot become healthy`);
  const interval = (hc?.Interval ?? 30e9) * ns;
  const timeout = (hc?.Timeout ?? 30e9) * ns;
  const start = (hc?.StartPeriod ?? 0) * ns;
  const deadline = Date.now() + start + (interval + timeout) * ((hc?.Retries ?? 3) + 1) + 30_000;
  for (;;) {
    if (signal.aborted) throw new AppError("CONFLICT", "cancelled");
    const s = (await inspectById(host, id)).State;
    if (s && !s.Running)
      throw new AppError(
        "CONFLICT",
        `${name} exited with code ${s.ExitCode ?? "?"} before it became healthy`,
      );
    if (s?.Health?.Status === "healthy") return;
    if (s?.Health?.Status === "unhealthy") throw new AppError("CONFLICT", `${name} is unhealthy`);
    if (Date.now() > deadline) throw new AppError("CONFLICT", `${name} did not become healthy in time`);
    await sleep(Math.min(500, Math.max(100, interval / 4)), signal);
  }
}

/** Waits for a container to end, as `service_completed_successfully` asks: exit code 0 or a failure. */
export async function waitCompleted(
  host: HostConnection,
  id: string,
  name: string,
  signal: AbortSignal,
): Promise<void> {
  const r = await engineCall(
    host,
    (abortSignal) =>
      dial<{ StatusCode?: number }>(host, {
        path: `/containers/${encodeURIComponent(id)}/wait?`,
        method: "POST",
        options: { condition: "not-running" },
        abortSignal: AbortSignal.any([abortSignal, signal]),
        statusCodes: { 200: true, 404: "no such container", 500: "server error" },
      }),
    24 * 3600_000,
  );
  if (r.StatusCode !== 0) throw new AppError("CONFLICT", `${name} exited with code ${r.StatusCode ?? "?"}`);
}

/** The engine's 304: the container is already in the state asked for, which is what was wanted. */
const alreadyThere = (err: unknown) =>
  err instanceof AppError &&
  err.code === "CONFLICT" &&
  /already (stopped|started)|already in that state/.test(err.message);

export const stopContainer = (host: HostConnection, id: string) =>
  engineCall(
    host,
    (abortSignal) => host.docker.getContainer(id).stop({ abortSignal }),
    ACTION_TIMEOUT_MS,
  ).catch((err: unknown) => {
    if (!alreadyThere(err)) throw err;
  });

export const startIfStopped = (host: HostConnection, id: string) =>
  engineCall(
    host,
    (abortSignal) => host.docker.getContainer(id).start({ abortSignal }),
    ACTION_TIMEOUT_MS,
  ).catch((err: unknown) => {
    if (!alreadyThere(err)) throw err;
  });

export const renameContainer = (host: HostConnection, id: string, name: string) =>
  engineCall(
    host,
    (abortSignal) => host.docker.getContainer(id).rename({ name, abortSignal }),
    ACTION_TIMEOUT_MS,
  );
