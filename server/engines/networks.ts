import { AppError } from "../../lib/errors";
import {
  isPredefinedNetwork,
  type NetworkConnectRequest,
  type NetworkCreateRequest,
  type NetworkDisconnectRequest,
  type NetworkPruneResult,
  type NetworkSummary,
} from "../../lib/networks";
import type { PruneFilters } from "../../lib/volumes";
import { ifFound } from "../errors";
import { inspectContainer, listContainerItems } from "./containers";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import { dial, OK } from "./engine-dial";
import type { NetworkCreateResponse, NetworkInspect, NetworkPrune } from "./engine-types";
import type { HostConnection } from "./host-connection";
export { checkFixedAddresses } from "./networks-map";
import {
  aliasCapableNetworkIds,
  endpointNetworkId,
  networkEndpoints,
  hasId,
  isIdentifiedNetwork,
  toNetworkSummary,
  type RawNetwork,
  type RawNetworkedContainer,
} from "./networks-map";
import { engineFilters, type LabelCheck } from "./volumes";
import { connectToNetwork } from "./network-connect";
import { fieldIn } from "../../lib/parse";

const everything: LabelCheck = () => true;
/** Inspect calls in flight at once when filling in aliases. */
const ALIAS_CONCURRENCY = 8;

/**
 * The engine answers 403 for state conflicts on networks (an overlapping pool, active endpoints, a
 * predefined network): they are conflicts, with the engine's own words.
 */
async function networkCall<T>(host: HostConnection, fn: (s: AbortSignal) => Promise<T>, timeout?: number) {
  try {
    return await engineCall(host, fn, timeout);
  } catch (err) {
    if (err instanceof AppError && fieldIn(err.details, "engineStatus") === 403)
      throw new AppError("CONFLICT", err.message, err.details);
    throw err;
  }
}

/** Aliases by container id, then network id, for containers on networks that can have aliases. */
async function readAliases(
  host: HostConnection,
  containers: readonly RawNetworkedContainer[],
  networkIds: ReadonlySet<string>,
  idByName: ReadonlyMap<string, string>,
): Promise<Map<string, Record<string, string[]>>> {
  const wanted = containers.filter((c) =>
    Object.entries(c.NetworkSettings?.Networks ?? {}).some(([name, e]) =>
      networkIds.has(endpointNetworkId(name, e, idByName) ?? ""),
    ),
  );
  const out = new Map<string, Record<string, string[]>>();
  for (let i = 0; i < wanted.length; i += ALIAS_CONCURRENCY) {
    await Promise.all(
      wanted.slice(i, i + ALIAS_CONCURRENCY).map(async (c) => {
        // A container removed meanwhile simply has no aliases to show.
        const info = await ifFound(inspectContainer(host, c.Id));
        const byNetwork: Record<string, string[]> = {};
        for (const [name, e] of Object.entries(info?.inspect.NetworkSettings?.Networks ?? {})) {
          const networkId = endpointNetworkId(name, e, idByName);
          if (networkId) byNetwork[networkId] = e.Aliases ?? [];
        }
        out.set(c.Id, byNetwork);
      }),
    );
  }
  return out;
}

async function summaries(
  host: HostConnection,
  networks: RawNetwork[],
  visible: LabelCheck,
): Promise<NetworkSummary[]> {
  const containers = (await listContainerItems(host)).filter(hasId);
  // Endpoints of containers that never started name their network but carry no id.
  const idByName = new Map(networks.map((n) => [n.Name, n.Id]));
  const aliases = await readAliases(host, containers, aliasCapableNetworkIds(networks), idByName);
  const endpoints = networkEndpoints(containers, aliases, visible, idByName);
  return networks.map((n) => toNetworkSummary(host.spec.id, n, endpoints.get(n.Id)));
}

export async function listNetworks(
  host: HostConnection,
  visible: LabelCheck = everything,
): Promise<NetworkSummary[]> {
  const raw = (await listEngineNetworks(host)).filter(isIdentifiedNetwork);
  return summaries(
    host,
    raw.filter((n) => visible(n.Labels ?? {})),
    visible,
  );
}

/** `GET /networks` of the engine itself; lists go through `listEngineNetworks`. */
export const fetchEngineNetworks = (host: HostConnection) =>
  engineCall(host, (abortSignal) =>
    dial<NetworkInspect[]>(host, { path: "/networks?", method: "GET", abortSignal, statusCodes: OK }),
  );

/** Every network of the host, as the engine lists them: from memory while its events are followed. */
export const listEngineNetworks = (host: HostConnection) => host.live.networks.get();

async function inspectRaw(host: HostConnection, ref: string): Promise<RawNetwork> {
  const n = await engineCall(host, (abortSignal) =>
    dial<NetworkInspect>(host, {
      path: `/networks/${encodeURIComponent(ref)}?`,
      method: "GET",
      abortSignal,
      statusCodes: OK,
    }),
  );
  if (!isIdentifiedNetwork(n))
    throw new AppError("ENGINE_ERROR", `host ${host.spec.id} sent network ${ref} without an id or name`);
  return n;
}

/** The network by full id, id prefix or name; one outside `visible` is "not found", like a missing one. */
export async function inspectNetworkRaw(host: HostConnection, ref: string, visible: LabelCheck = everything) {
  const raw = await inspectRaw(host, ref);
  if (!visible(raw.Labels ?? {}))
    throw new AppError("NOT_FOUND", `network ${ref} not found`, { hostId: host.spec.id });
  return raw;
}

export async function getNetwork(host: HostConnection, ref: string, visible: LabelCheck = everything) {
  const raw = await inspectNetworkRaw(host, ref, visible);
  const [summary] = await summaries(host, [raw], visible);
  if (!summary) throw new AppError("NOT_FOUND", `network ${ref} not found`, { hostId: host.spec.id });
  return summary;
}

export async function createNetwork(
  host: HostConnection,
  body: NetworkCreateRequest,
): Promise<NetworkSummary> {
  const created = await networkCall(
    host,
    (abortSignal) =>
      dial<NetworkCreateResponse>(host, {
        path: "/networks/create",
        method: "POST",
        options: { ...body, CheckDuplicate: true },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );
  const id = created.Id ?? body.Name;
  return toNetworkSummary(host.spec.id, await inspectRaw(host, id), []);
}

export function refusePredefined(name: string): never {
  throw new AppError("VALIDATION", `id: ${name} is a predefined network and cannot be removed`);
}

export async function removeNetwork(host: HostConnection, raw: RawNetwork): Promise<void> {
  if (isPredefinedNetwork(raw.Name)) refusePredefined(raw.Name);
  await networkCall(
    host,
    (abortSignal) => host.docker.getNetwork(raw.Id).remove({ abortSignal }),
    ACTION_TIMEOUT_MS,
  );
}

export async function connectNetwork(
  host: HostConnection,
  networkId: string,
  containerId: string,
  req: NetworkConnectRequest,
) {
  const ipam = {
    ...(req.ipv4Address ? { IPv4Address: req.ipv4Address } : {}),
    ...(req.ipv6Address ? { IPv6Address: req.ipv6Address } : {}),
  };
  await networkCall(
    host,
    (abortSignal) =>
      connectToNetwork(
        host,
        networkId,
        {
          Container: containerId,
          EndpointConfig: {
            ...(req.aliases?.length ? { Aliases: req.aliases } : {}),
            ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
          },
        },
        abortSignal,
      ),
    ACTION_TIMEOUT_MS,
  );
  await host.live.containers.touch(containerId);
}

export async function disconnectNetwork(
  host: HostConnection,
  networkId: string,
  containerId: string,
  req: Pick<NetworkDisconnectRequest, "force">,
) {
  await networkCall(
    host,
    (abortSignal) =>
      host.docker
        .getNetwork(networkId)
        .disconnect({ Container: containerId, Force: !!req.force, abortSignal }),
    ACTION_TIMEOUT_MS,
  );
  await host.live.containers.touch(containerId);
}

export async function pruneNetworks(
  host: HostConnection,
  filters: PruneFilters | undefined,
): Promise<NetworkPruneResult> {
  const r = await networkCall(
    host,
    (abortSignal) =>
      dial<NetworkPrune>(host, {
        path: "/networks/prune?",
        method: "POST",
        options: { filters: JSON.stringify(engineFilters(filters)) },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );
  return { deleted: r.NetworksDeleted ?? [] };
}
