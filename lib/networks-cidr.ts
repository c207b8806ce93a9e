/** IPv4 and IPv6 addresses and CIDR blocks, as exact integers, for checks made before the engine is asked. */
export interface ParsedIp {
  family: 4 | 6;
  value: bigint;
}

export interface ParsedCidr {
  family: 4 | 6;
  /** The address as written. */
  address: bigint;
  prefix: number;
  /** The network address (host bits cleared). */
  network: bigint;
}

export const addressBits = (family: 4 | 6) => (family === 4 ? 32 : 128);

function parseIpv4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let v = 0n;
  for (const part of m.slice(1)) {
    // Leading zeros are ambiguous (octal to some parsers), and the engine refuses them.
    if ((part.length > 1 && part.startsWith("0")) || Number(part) > 255) return undefined;
    v = (v << 8n) | BigInt(part);
  }
  return v;
}

function parseGroups(s: string): bigint[] | undefined {
  if (s === "") return [];
  const out: bigint[] = [];
  const parts = s.split(":");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (i === parts.length - 1 && p.includes(".")) {
      const v4 = parseIpv4(p);
      if (v4 === undefined) return undefined;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(BigInt(`0x${p}`));
    else return undefined;
  }
  return out;
}

function parseIpv6(s: string): bigint | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((v, g) => (v << 16n) | g, 0n);
}

export function parseIp(s: string): ParsedIp | undefined {
  if (s.includes(":")) {
    const v = parseIpv6(s);
    return v === undefined ? undefined : { family: 6, value: v };
  }
  const v = parseIpv4(s);
  return v === undefined ? undefined : { family: 4, value: v };
}

export function parseCidr(s: string): ParsedCidr | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIp(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const width = addressBits(ip.family);
  if (prefix > width) return undefined;
  const hostBits = BigInt(width - prefix);
  const network = (ip.value >> hostBits) << hostBits;
  return { family: ip.family, address: ip.value, prefix, network };
}

export function formatIp(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16));
  return groups.join(":");
}

export function cidrContainsIp(c: ParsedCidr, ip: ParsedIp): boolean {
  if (c.family !== ip.family) return false;
  const hostBits = BigInt(addressBits(c.family) - c.prefix);
  return ip.value >> hostBits === c.network >> hostBits;
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContainsCidr(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return (
    inner.prefix >= outer.prefix && cidrContainsIp(outer, { family: inner.family, value: inner.network })
  );
}

export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

/** The last address of an IPv4 subnet; IPv6 has none. */
export function broadcastOf(c: ParsedCidr): bigint | undefined {
  if (c.family !== 4 || c.prefix >= 31) return undefined;
  return c.network | ((1n << BigInt(32 - c.prefix)) - 1n);
}
