import type { PortMapping } from "./types";

export const PROTOCOLS = ["tcp", "udp", "sctp"] as const;

type Parsed<T> = { value: T } | { error: string };

/** A port "80" or a range "8000-8010" as [start, end]; undefined when malformed or out of 1-65535. */
export function parsePortRange(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b > 65535 || b < a) return undefined;
  return [a, b];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;

export function isIpAddress(text: string): boolean {
  return IPV4.test(text) || (IPV6.test(text) && text.split("::").length <= 2);
}

/** One `-p` value, as the docker CLI reads it: `[ip:][hostPort:]containerPort[/proto]`. */
export function parsePortSpec(text: string): Parsed<PortMapping> {
  let rest = text;
  let protocol: PortMapping["protocol"] = "tcp";
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) {
    const proto = rest.slice(slash + 1).toLowerCase();
    if (!(PROTOCOLS as readonly string[]).includes(proto)) {
      return { error: `"${text}": protocol must be tcp, udp or sctp` };
    }
    protocol = proto as PortMapping["protocol"];
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(":");
  const containerPort = parts.pop() as string;
  const hostPort = parts.length ? (parts.pop() as string) : "";
  let hostIp = parts.join(":");
  if (hostIp.startsWith("[") && hostIp.endsWith("]")) hostIp = hostIp.slice(1, -1);
  if (hostIp && !isIpAddress(hostIp)) return { error: `"${text}": "${hostIp}" is not an IP address` };
  const c = parsePortRange(containerPort);
  if (!c) return { error: `"${text}": container port must be a port (1-65535) or a range like 8000-8010` };
  if (hostPort) {
    const h = parsePortRange(hostPort);
    if (!h) return { error: `"${text}": host port must be a port (1-65535) or a range like 8000-8010` };
    const cLen = c[1] - c[0];
    if (cLen !== 0 && cLen !== h[1] - h[0]) {
      return { error: `"${text}": host and container port ranges must be the same length` };
    }
  }
  return { value: { hostIp, hostPort, containerPort, protocol } };
}

/** A mapping back as `-p` writes it. */
export function formatPortSpec(p: PortMapping): string {
  const ip = p.hostIp.includes(":") ? `[${p.hostIp}]` : p.hostIp;
  const head = ip ? `${ip}:${p.hostPort}:` : p.hostPort ? `${p.hostPort}:` : "";
  return `${head}${p.containerPort}${p.protocol === "tcp" ? "" : `/${p.protocol}`}`;
}

export interface PortBindingEntry {
  HostIp: string;
  HostPort: string;
}

/**
 * The engine's PortBindings for a list of mappings: ranges expanded port by port, as the CLI does;
 * a host range against one container port stays a range (the engine picks a free port in it).
 */
export function toPortBindings(ports: PortMapping[]): Record<string, PortBindingEntry[]> {
  const out: Record<string, PortBindingEntry[]> = {};
  for (const p of ports) {
    const c = parsePortRange(p.containerPort);
    if (!c) continue;
    const h = p.hostPort ? parsePortRange(p.hostPort) : undefined;
    for (let port = c[0]; port <= c[1]; port++) {
      let hostPort = "";
      if (h && c[0] === c[1]) hostPort = p.hostPort;
      else if (h) hostPort = String(h[0] + (port - c[0]));
      (out[`${port}/${p.protocol}`] ??= []).push({ HostIp: p.hostIp, HostPort: hostPort });
    }
  }
  return out;
}

/** Mappings read back from an inspect document's PortBindings, one per binding, sorted by port. */
export function fromPortBindings(
  bindings: Record<string, PortBindingEntry[] | null> | null | undefined,
): PortMapping[] {
  const out: PortMapping[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const [port = "", proto = "tcp"] = key.split("/");
    for (const b of list ?? [{ HostIp: "", HostPort: "" }]) {
      out.push({
        hostIp: b.HostIp ?? "",
        hostPort: b.HostPort ?? "",
        containerPort: port,
        protocol: (PROTOCOLS as readonly string[]).includes(proto)
          ? (proto as PortMapping["protocol"])
          : "tcp",
      });
    }
  }
  return out.sort(
    (a, b) =>
      Number(a.containerPort) - Number(b.containerPort) ||
      a.protocol.localeCompare(b.protocol) ||
      a.hostPort.localeCompare(b.hostPort),
  );
}
