/** Port specs: the short "[ip:][host:]container[/proto]" syntax with ranges, the long syntax, and `expose`. */
import { q } from "./issues";
import type { ServicePort } from "./model";
import type { RawPort } from "./raw";

const PROTOCOLS = ["tcp", "udp", "sctp"] as const;
type Protocol = (typeof PROTOCOLS)[number];

export type PortResult = { ports: ServicePort[] } | { error: string };

function protocolOf(text: string | undefined): Protocol | undefined {
  const p = (text ?? "tcp").toLowerCase();
  return (PROTOCOLS as readonly string[]).includes(p) ? (p as Protocol) : undefined;
}

/** "8000-8001" → [8000, 8001]; undefined when not a valid port or range. */
function portRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2] ?? m[1]);
  if (start < 1 || end > 65535 || end < start) return undefined;
  return [start, end];
}

/** Splits like docker's go-connections: the last part is the container port, the one before it the host port. */
function splitParts(spec: string): [ip: string, host: string, container: string] {
  const parts = spec.split(":");
  const container = parts.pop() ?? "";
  if (parts.length === 0) return ["", "", container];
  const host = parts.pop() ?? "";
  return [parts.join(":"), host, container];
}

export function parseShortPort(spec: string | number): PortResult {
  const text = String(spec).trim();
  const [rawIp, host, containerWithProto] = splitParts(text);
  const [container = "", proto, ...extra] = containerWithProto.split("/");
  const protocol = protocolOf(proto);
  if (!protocol || extra.length > 0)
    return { error: `unknown protocol ${q(proto)} in ${q(text)}: use tcp, udp or sctp` };
  const ip = rawIp.startsWith("[") && rawIp.endsWith("]") ? rawIp.slice(1, -1) : rawIp;
  if (ip !== "" && !/^[0-9a-fA-F.:]+$/.test(ip))
    return { error: `${q(ip)} in ${q(text)} is not an IP address` };
  const targets = portRange(container);
  if (!targets) return { error: `${q(container)} in ${q(text)} is not a port (1-65535) or a port range` };
  const count = targets[1] - targets[0] + 1;
  let published: [number, number] | undefined;
  if (host !== "") {
    published = portRange(host);
    if (!published) return { error: `${q(host)} in ${q(text)} is not a port (1-65535) or a port range` };
    const hostCount = published[1] - published[0] + 1;
    if (hostCount !== count) {
      return {
        error:
          count === 1
            ? `${q(text)}: a host port range for one container port is not supported; publish one host port`
            : `${q(text)}: the host and container port ranges differ in length`,
      };
    }
  }
  const ports: ServicePort[] = [];
  for (let i = 0; i < count; i++) {
    ports.push({
      target: targets[0] + i,
      ...(published ? { published: published[0] + i } : {}),
      ...(ip ? { hostIp: ip } : {}),
      protocol,
    });
  }
  return { ports };
}

export function parseLongPort(raw: RawPort): PortResult {
  if (raw.target === undefined) return { error: `needs "target"` };
  if (raw.target < 1 || raw.target > 65535) return { error: `target ${raw.target} is not a port (1-65535)` };
  const protocol = protocolOf(raw.protocol);
  if (!protocol) return { error: `unknown protocol ${q(raw.protocol)}: use tcp, udp or sctp` };
  let published: number | undefined;
  if (raw.published !== undefined && raw.published !== "") {
    const range = portRange(String(raw.published));
    if (!range || range[0] !== range[1])
      return { error: `published ${q(raw.published)} is not a port (1-65535)` };
    published = range[0];
  }
  return {
    ports: [
      {
        target: raw.target,
        ...(published !== undefined ? { published } : {}),
        ...(raw.host_ip ? { hostIp: raw.host_ip } : {}),
        protocol,
      },
    ],
  };
}

/** "80", 80, "8000-8001/udp" → ["80/tcp"] or ["8000/udp", "8001/udp"]. */
export function parseExpose(spec: string | number): { ports: string[] } | { error: string } {
  const text = String(spec).trim();
  const [port = "", proto, ...extra] = text.split("/");
  const protocol = protocolOf(proto);
  if (!protocol || extra.length > 0)
    return { error: `unknown protocol ${q(proto)} in ${q(text)}: use tcp, udp or sctp` };
  const range = portRange(port);
  if (!range) return { error: `${q(text)} is not a port (1-65535) or a port range` };
  const ports: string[] = [];
  for (let p = range[0]; p <= range[1]; p++) ports.push(`${p}/${protocol}`);
  return { ports };
}
