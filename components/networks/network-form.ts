/** Client-side checks of a new network's addressing, worded like the server's VALIDATION messages. */

export interface NetworkDraft {
  name: string;
  /** An internal bridge has no route out of the host. */
  internal: boolean;
  subnet: string;
  gateway: string;
  labels: { key: string; value: string }[];
}

export const EMPTY_NETWORK: NetworkDraft = { name: "", internal: true, subnet: "", gateway: "", labels: [] };

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** An IPv4 dotted quad as a 32-bit number, or undefined. */
export function ipv4ToNumber(s: string): number | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p.startsWith("0"))) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function parseCidr(s: string): { base: number; prefix: number } | string {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s.trim());
  if (!m) return `"${s}" is not an IPv4 CIDR like 172.30.0.0/24`;
  const base = ipv4ToNumber(m[1] ?? "");
  const prefix = Number(m[2]);
  if (base === undefined) return `"${m[1]}" is not an IPv4 address`;
  if (prefix < 8 || prefix > 30) return "prefix must be between /8 and /30";
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return `host bits are set: the network address of /${prefix} must be aligned`;
  return { base, prefix };
}

/** The first problem as "field: reason", or undefined when the draft may be sent. */
export function checkNetworkDraft(d: NetworkDraft): string | undefined {
  if (!d.name.trim()) return "Name: required";
  if (!NAME.test(d.name.trim())) return "Name: letters, digits, _ . - only, starting with a letter or digit";
  if (d.gateway.trim() && !d.subnet.trim()) return "Gateway: needs a subnet";
  if (!d.subnet.trim()) return undefined;
  const cidr = parseCidr(d.subnet);
  if (typeof cidr === "string") return `Subnet: ${cidr}`;
  if (!d.gateway.trim()) return undefined;
  const gw = ipv4ToNumber(d.gateway.trim());
  if (gw === undefined) return `Gateway: "${d.gateway}" is not an IPv4 address`;
  const size = 2 ** (32 - cidr.prefix);
  if (gw < cidr.base || gw >= cidr.base + size) return `Gateway: ${d.gateway} is outside ${d.subnet}`;
  if (gw === cidr.base || gw === cidr.base + size - 1)
    return "Gateway: cannot be the subnet's network or broadcast address";
  return undefined;
}

/** The Engine API's NetworkCreate body. */
export function networkCreateBody(d: NetworkDraft) {
  const labels: Record<string, string> = {};
  for (const l of d.labels) if (l.key.trim()) labels[l.key.trim()] = l.value;
  return {
    Name: d.name.trim(),
    Driver: "bridge",
    Internal: d.internal,
    Labels: labels,
    ...(d.subnet.trim()
      ? {
          IPAM: {
            Driver: "default",
            Config: [{ Subnet: d.subnet.trim(), ...(d.gateway.trim() ? { Gateway: d.gateway.trim() } : {}) }],
          },
        }
      : {}),
  };
}
