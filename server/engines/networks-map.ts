import {
  cidrContainsIp,
  isPredefinedNetwork,
  parseCidr,
  parseIp,
  type NetworkConnectRequest,
  type NetworkEndpoint,
  type NetworkSummary,
} from "../../lib/networks";
import type { ContainerListItem, EndpointSettings, NetworkInspect } from "./engine-types";
import { fieldError } from "../../lib/parse";

/**
 * The engine's documents this module reads, as the Engine API defines them. Engines always send a
 * network's id and name and a container's id; the guards below check that once, where the documents
 * arrive, so the rest of the code can rely on them.
 */
export type RawNetwork = NetworkInspect & { Id: string; Name: string };
export type RawEndpointSettings = EndpointSettings;
export type RawNetworkedContainer = ContainerListItem & { Id: string };

export const isIdentifiedNetwork = (n: NetworkInspect): n is RawNetwork =>
  typeof n.Id === "string" && typeof n.Name === "string";
export const hasId = (c: ContainerListItem): c is RawNetworkedContainer => typeof c.Id === "string";

const cidr = (ip: string | null | undefined, len: number | null | undefined) =>
  ip ? `${ip}/${len ?? 0}` : undefined;

/**
 * Containers attached to each network (by network id), from one container list, which also covers
 * stopped containers the network's own document leaves out. The container list carries no aliases on
 * older engines, so `aliases` (by container id, then network id) fills them from inspect documents; the
 * engine's automatic short-id alias is left out.
 */
export function networkEndpoints(
  containers: readonly RawNetworkedContainer[],
  aliases: ReadonlyMap<string, Record<string, string[]>> = new Map(),
  visible: (labels: Record<string, string>) => boolean = () => true,
  idByName: ReadonlyMap<string, string> = new Map(),
): Map<string, NetworkEndpoint[]> {
  const out = new Map<string, NetworkEndpoint[]>();
  for (const c of containers) {
    if (!visible(c.Labels ?? {})) continue;
    for (const [netName, ep] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
      const networkId = endpointNetworkId(netName, ep, idByName);
      if (!networkId) continue;
      const short = c.Id.slice(0, 12);
      const names = aliases.get(c.Id)?.[networkId] ?? ep.Aliases ?? [];
      const ipv4 = cidr(ep.IPAddress, ep.IPPrefixLen);
      const ipv6 = cidr(ep.GlobalIPv6Address, ep.GlobalIPv6PrefixLen);
      const list = out.get(networkId) ?? [];
      list.push({
        containerId: c.Id,
        name: (c.Names?.[0] ?? short).replace(/^\//, ""),
        state: c.State ?? "unknown",
        ...(ipv4 ? { ipv4Address: ipv4 } : {}),
        ...(ipv6 ? { ipv6Address: ipv6 } : {}),
        ...(ep.MacAddress ? { macAddress: ep.MacAddress } : {}),
        aliases: names.filter((a) => a !== short && a !== c.Id),
      });
      out.set(networkId, list);
    }
  }
  return out;
}

/**
 * The network an endpoint is on. The engine fills `NetworkID` only once the container has started;
 * a created container's endpoint carries just the network's name, as the key of its map.
 */
export function endpointNetworkId(
  netName: string,
  ep: RawEndpointSettings,
  idByName: ReadonlyMap<string, string>,
): string | undefined {
  return ep.NetworkID || idByName.get(netName);
}

export function toNetworkSummary(
  hostId: string,
  n: RawNetwork,
  containers: NetworkEndpoint[] | undefined,
): NetworkSummary {
  const created = n.Created ? Date.parse(n.Created) : NaN;
  return {
    hostId,
    id: n.Id,
    name: n.Name,
    driver: n.Driver ?? "",
    scope: n.Scope ?? "local",
    internal: !!n.Internal,
    attachable: !!n.Attachable,
    ingress: !!n.Ingress,
    enableIPv6: !!n.EnableIPv6,
    ipamDriver: n.IPAM?.Driver ?? "default",
    ipam: (n.IPAM?.Config ?? [])
      .filter((c) => c.Subnet)
      .map((c) => ({
        subnet: c.Subnet as string,
        ...(c.Gateway ? { gateway: c.Gateway } : {}),
        ...(c.IPRange ? { ipRange: c.IPRange } : {}),
      })),
    labels: n.Labels ?? {},
    options: n.Options ?? {},
    ...(Number.isFinite(created) && created > 0 ? { created } : {}),
    predefined: isPredefinedNetwork(n.Name),
    containers: containers ?? [],
  };
}

/** Networks whose containers may carry aliases: the predefined ones do not support them. */
export function aliasCapableNetworkIds(networks: readonly RawNetwork[]): Set<string> {
  return new Set(networks.filter((n) => !isPredefinedNetwork(n.Name)).map((n) => n.Id));
}

/**
 * A fixed address must lie in one of the network's pools; the engine would answer a 500 for it.
 * Checked before the engine is asked, naming the field.
 */
export function checkFixedAddresses(
  raw: RawNetwork,
  req: Pick<NetworkConnectRequest, "ipv4Address" | "ipv6Address">,
): void {
  const pools = (raw.IPAM?.Config ?? []).flatMap((c) => {
    const p = c.Subnet ? parseCidr(c.Subnet) : undefined;
    return p ? [{ text: c.Subnet as string, cidr: p }] : [];
  });
  for (const [field, value] of [
    ["ipv4Address", req.ipv4Address],
    ["ipv6Address", req.ipv6Address],
  ] as const) {
    const ip = value ? parseIp(value) : undefined;
    if (!ip) continue;
    const same = pools.filter((p) => p.cidr.family === ip.family);
    if (!same.some((p) => cidrContainsIp(p.cidr, ip))) {
      const where = same.length
        ? `outside the network's subnets (${same.map((p) => p.text).join(", ")})`
        : `not possible: the network has no IPv${ip.family} subnet`;
      throw fieldError(field, `${value} is ${where}`);
    }
  }
}
