import type { CreateContainerResult, MissingImageDetails } from "../../lib/container-spec/api-types";
import { AppError } from "../../lib/errors";
import { isUserNetwork, type CreateConfig } from "../../lib/container-spec/create-body";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import { dial } from "./engine-dial";
import { connectToNetwork } from "./network-connect";
import type { ContainerCreateResponse } from "./engine-types";
import type { HostConnection } from "./host-connection";
import { podmanCreateBody } from "./podman/fixups";

type Endpoints = Record<string, { Aliases?: string[] | null } & Record<string, unknown>>;

export type CreatedContainer = CreateContainerResult;

/** The image must be on the host already: Wharf pulls nothing on its own, the UI offers the pull. */
export async function requireLocalImage(host: HostConnection, image: string): Promise<void> {
  try {
    await engineCall(host, () => host.docker.getImage(image).inspect());
  } catch (err) {
    throw err instanceof AppError && err.code === "NOT_FOUND" ? missingImage(host, image) : err;
  }
}

/** What create answers for an image the host lacks (or, alike, one outside the caller's scope). */
export function missingImage(host: HostConnection, image: string): AppError {
  const details: MissingImageDetails = { hostId: host.spec.id, image, missing: "image" };
  return new AppError("NOT_FOUND", `image ${image} is not on host ${host.spec.id}; pull it first`, details);
}

/**
 * Engines before API 1.44 take one network at create; the rest are connected afterwards. The one
 * named by NetworkMode goes first so its aliases are set at create time.
 */
export function splitEndpoints(config: CreateConfig): { first: Endpoints; rest: Endpoints } {
  const all = { ...(config.NetworkingConfig?.EndpointsConfig ?? {}) };
  const mode = typeof config.HostConfig?.NetworkMode === "string" ? config.HostConfig.NetworkMode : "";
  const firstName = mode && all[mode] ? mode : isUserNetwork(mode) ? undefined : Object.keys(all)[0];
  const first: Endpoints = {};
  if (firstName && all[firstName]) {
    first[firstName] = all[firstName];
    delete all[firstName];
  }
  return { first, rest: all };
}

/** Removes a container, answering the engine's message instead of throwing; `volumes` also removes its anonymous volumes. */
export async function removeQuietly(
  host: HostConnection,
  id: string,
  opts: { volumes?: boolean } = {},
): Promise<string | undefined> {
  try {
    await engineCall(
      host,
      (abortSignal) =>
        host.docker.getContainer(id).remove({ force: true, v: opts.volumes === true, abortSignal }),
      ACTION_TIMEOUT_MS,
    );
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export async function startContainer(host: HostConnection, id: string): Promise<void> {
  await engineCall(
    host,
    (abortSignal) => host.docker.getContainer(id).start({ abortSignal }),
    ACTION_TIMEOUT_MS,
  );
}

/** `POST /containers/create` as the engine answers it: dockerode's createContainer drops the engine's warnings. */
export async function createOnEngine(
  host: HostConnection,
  name: string | undefined,
  body: object,
): Promise<ContainerCreateResponse & { Id: string }> {
  // Bodies made from a Podman inspect carry values Podman's create refuses (quirks create-*).
  const fix = host.isPodman ? podmanCreateBody(body as CreateConfig) : undefined;
  if (fix) body = fix.body;
  const created = await engineCall(
    host,
    (abortSignal) =>
      dial<ContainerCreateResponse>(host, {
        path: "/containers/create?",
        method: "POST",
        options: { _query: name ? { name } : {}, _body: body },
        abortSignal,
        statusCodes: {
          200: true,
          201: true,
          400: "bad parameter",
          404: "no such image",
          409: "conflict",
          500: "server error",
        },
      }),
    ACTION_TIMEOUT_MS,
  );
  const id = created.Id;
  if (!id)
    throw new AppError("ENGINE_ERROR", `host ${host.spec.id}: the engine answered the create without an id`);
  if (!fix?.fixed.length) return { ...created, Id: id };
  const notes = fix.fixed.map((f) => `Podman: ${f}`);
  return { ...created, Id: id, Warnings: [...(created.Warnings ?? []), ...notes] };
}

/**
 * Creates a container, connects its further networks and starts it if asked. Anything that fails
 * after the create removes the new container again, so a failed call leaves nothing behind.
 */
export async function createContainer(
  host: HostConnection,
  req: { name?: string; start?: boolean; config: CreateConfig },
): Promise<CreatedContainer> {
  await requireLocalImage(host, req.config.Image);
  const { first, rest } = splitEndpoints(req.config);
  const body: CreateConfig = { ...req.config };
  if (Object.keys(first).length) body.NetworkingConfig = { ...body.NetworkingConfig, EndpointsConfig: first };
  else delete body.NetworkingConfig;
  const created = await createOnEngine(host, req.name, body);
  const id = created.Id;
  try {
    for (const [network, endpoint] of Object.entries(rest)) {
      await engineCall(
        host,
        (abortSignal) =>
          connectToNetwork(host, network, { Container: id, EndpointConfig: endpoint }, abortSignal),
        ACTION_TIMEOUT_MS,
      );
    }
    if (req.start) await startContainer(host, id);
  } catch (err) {
    const cleanup = await removeQuietly(host, id, { volumes: true });
    if (cleanup && err instanceof AppError) {
      throw new AppError(
        err.code,
        `${err.message} (and the new container ${id.slice(0, 12)} could not be removed: ${cleanup})`,
        err.details,
      );
    }
    throw err;
  }
  // A --rm container whose command ends at once may already be gone: its name is then the one asked for.
  const info = await engineCall(host, (abortSignal) =>
    host.docker.getContainer(id).inspect({ abortSignal }),
  ).catch(() => undefined);
  const name = info?.Name.replace(/^\//, "") ?? req.name ?? id.slice(0, 12);
  return { id, name, started: !!req.start, warnings: created.Warnings ?? [] };
}
