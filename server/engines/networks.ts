import type Dockerode from "dockerode";
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
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
export { checkFixedAddresses } from "./networks-map";
import {
  aliasCapableNetworkIds,
  endpointNetworkId,
  networkEndpoints,
  toNetworkSummary,
  type RawEndpointSettings,
  type RawNetwork,
  type RawNetworkedContainer,
} from "./networks-map";
import { engineFilters, withSignal, type LabelCheck } from "./volumes";

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
    const status = (
      err instanceof AppError ? (err.details as { engineStatus?: number } | undefined) : undefined
    )?.engineStatus;
    if (err instanceof AppError && status === 403) throw new AppError("CONFLICT", err.message, err.details);
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
        const info = await engineCall(host, (abortSignal) =>
          host.docker.getContainer(c.Id).inspect({ abortSignal }),
        ).catch(() => undefined);
        const byNetwork: Record<string, string[]> = {};
        for (const [name, ep] of Object.entries(info?.NetworkSettings?.Networks ?? {})) {
          const e = ep as RawEndpointSettings;
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
  const containers = (await engineCall(host, (abortSignal) =>
    host.docker.listContainers({ all: true, abortSignal }),
  )) as RawNetworkedContainer[];
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
  const raw = (await engineCall(host, (abortSignal) =>
    host.docker.listNetworks({ abortSignal }),
  )) as RawNetwork[];
  return summaries(
    host,
    raw.filter((n) => visible(n.Labels ?? {})),
    visible,
  );
}

async function inspectRaw(host: HostConnection, ref: string): Promise<RawNetwork> {
  return (await engineCall(host, (abortSignal) =>
    withSignal<RawNetwork>(host.docker.getNetwork(ref), "inspect", { abortSignal }),
  )) as RawNetwork;
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
  return summary as NetworkSummary;
}

export async function createNetwork(
  host: HostConnection,
  body: NetworkCreateRequest,
): Promise<NetworkSummary> {
  const created = (await networkCall(
    host,
    (abortSignal) =>
      host.docker.createNetwork({
        ...body,
        CheckDuplicate: true,
        abortSignal,
      } as unknown as Dockerode.NetworkCreateOptions),
    ACTION_TIMEOUT_MS,
  )) as { id?: string; Id?: string };
  const id = created.id ?? created.Id ?? body.Name;
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
      withSignal(host.docker.getNetwork(networkId), "connect", {
        Container: containerId,
        EndpointConfig: {
          ...(req.aliases?.length ? { Aliases: req.aliases } : {}),
          ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
        },
        abortSignal,
      }),
    ACTION_TIMEOUT_MS,
  );
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
}

export async function pruneNetworks(
  host: HostConnection,
  filters: PruneFilters | undefined,
): Promise<NetworkPruneResult> {
  const r = (await networkCall(
    host,
    (abortSignal) => host.docker.pruneNetworks({ filters: engineFilters(filters), abortSignal }),
    ACTION_TIMEOUT_MS,
  )) as { NetworksDeleted?: string[] | null };
  return { deleted: r.NetworksDeleted ?? [] };
}
