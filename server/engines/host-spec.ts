import fs from "node:fs";
import { z } from "zod";
import YAML from "yaml";
import { hostIdSchema } from "../../lib/schemas";
import type { HostKind } from "../../lib/types";
import { messageOf } from "../../lib/errors";

const pemOrPath = z.string().min(1, "must be PEM text or a file path");

export const hostEntrySchema = z.object({
  id: hostIdSchema,
  name: z.string().min(1).max(80).optional(),
  url: z
    .string()
    .regex(/^(unix|tcp|https|ssh):\/\/.+/, "must start with unix://, tcp://, https:// or ssh://"),
  tls: z.object({ ca: pemOrPath, cert: pemOrPath, key: pemOrPath }).strict().optional(),
  ssh: z.object({ privateKey: pemOrPath }).strict().optional(),
  /**
   * Other addresses of the same engine's cluster (a swarm's other managers), tried in order when
   * the one in use stops answering; each takes the entry's own tls or ssh settings.
   */
  failover: z
    .array(
      z.string().regex(/^(unix|tcp|https|ssh):\/\/.+/, "must start with unix://, tcp://, https:// or ssh://"),
    )
    .max(8, "at most 8 addresses")
    .optional(),
});
export type HostEntry = z.infer<typeof hostEntrySchema>;

/** Everything dockerode needs to reach one engine; certificates and keys already read. */
export interface HostSpec {
  id: string;
  name: string;
  kind: HostKind;
  url: string;
  source?: "config" | "managed";
  /** Where to go when `connection` stops answering: the same cluster's other managers. */
  failover?: HostSpec[];
  connection: {
    socketPath?: string;
    host?: string;
    port?: number;
    protocol?: "http" | "https" | "ssh";
    username?: string;
    ca?: string;
    cert?: string;
    key?: string;
    sshOptions?: { privateKey: string };
  };
}

export class HostConfigError extends Error {}

function readPem(value: string, where: string): string {
  if (value.includes("-----BEGIN")) return value;
  try {
    return fs.readFileSync(value, "utf8");
  } catch (e) {
    throw new HostConfigError(`${where}: cannot read file ${value}: ${messageOf(e)}`);
  }
}

function parsePort(raw: string, fallback: number, where: string): number {
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new HostConfigError(`${where}: url: invalid port "${raw}"`);
  return n;
}

export function toHostSpec(entry: HostEntry, where: string): HostSpec {
  const spec = toOneSpec(entry, where);
  if (!entry.failover?.length) return spec;
  const failover = entry.failover.map((url, i) =>
    toOneSpec({ ...entry, url, failover: undefined }, `${where}: failover[${i}]`),
  );
  return { ...spec, failover };
}

function toOneSpec(entry: HostEntry, where: string): HostSpec {
  const name = entry.name ?? entry.id;
  if (entry.url.startsWith("unix://")) {
    const socketPath = entry.url.slice("unix://".length);
    if (!socketPath.startsWith("/"))
      throw new HostConfigError(`${where}: url: unix socket path must be absolute`);
    return { id: entry.id, name, kind: "unix", url: entry.url, connection: { socketPath } };
  }
  let u: URL;
  try {
    // As tcp: so WHATWG URL keeps an explicit :443, which it drops as the https default port.
    u = new URL(entry.url.replace(/^https:/, "tcp:"));
  } catch {
    throw new HostConfigError(`${where}: url: "${entry.url}" is not a valid URL`);
  }
  if (!u.hostname) throw new HostConfigError(`${where}: url: host name is missing`);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (u.protocol === "ssh:") {
    if (!entry.ssh) throw new HostConfigError(`${where}: ssh: an ssh url needs "ssh": {"privateKey": ...}`);
    return {
      id: entry.id,
      name,
      kind: "ssh",
      url: entry.url,
      connection: {
        protocol: "ssh",
        host,
        port: parsePort(u.port, 22, where),
        username: decodeURIComponent(u.username) || "root",
        sshOptions: { privateKey: readPem(entry.ssh.privateKey, `${where}: ssh.privateKey`) },
      },
    };
  }
  const secure = entry.url.startsWith("https://") || entry.tls !== undefined;
  if (!secure) {
    return {
      id: entry.id,
      name,
      kind: "tcp",
      url: entry.url,
      connection: { protocol: "http", host, port: parsePort(u.port, 2375, where) },
    };
  }
  if (!entry.tls) throw new HostConfigError(`${where}: tls: an https url needs "tls": {"ca","cert","key"}`);
  return {
    id: entry.id,
    name,
    kind: "tls",
    url: entry.url,
    connection: {
      protocol: "https",
      host,
      port: parsePort(u.port, 2376, where),
      ca: readPem(entry.tls.ca, `${where}: tls.ca`),
      cert: readPem(entry.tls.cert, `${where}: tls.cert`),
      key: readPem(entry.tls.key, `${where}: tls.key`),
    },
  };
}

function describeEntry(raw: unknown, index: number): string {
  const id = raw && typeof raw === "object" && "id" in raw ? raw.id : undefined;
  return typeof id === "string" ? `WHARF_HOSTS[${index}] (id "${id}")` : `WHARF_HOSTS[${index}]`;
}

/** WHARF_HOSTS is a JSON array, or a path to a JSON or YAML file holding one. */
export function parseHostsSetting(value: string): HostSpec[] {
  const trimmed = value.trim();
  let raw: unknown;
  if (trimmed.startsWith("[")) {
    try {
      raw = JSON.parse(trimmed);
    } catch (e) {
      throw new HostConfigError(`WHARF_HOSTS: not valid JSON: ${messageOf(e)}`);
    }
  } else {
    let text: string;
    try {
      text = fs.readFileSync(trimmed, "utf8");
    } catch (e) {
      throw new HostConfigError(`WHARF_HOSTS: cannot read file ${trimmed}: ${messageOf(e)}`);
    }
    try {
      raw = /\.ya?ml$/i.test(trimmed) ? YAML.parse(text) : JSON.parse(text);
    } catch (e) {
      throw new HostConfigError(`WHARF_HOSTS: ${trimmed} is not valid JSON/YAML: ${messageOf(e)}`);
    }
  }
  if (!Array.isArray(raw)) throw new HostConfigError("WHARF_HOSTS: must be an array of host entries");
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const where = describeEntry(item, i);
    const parsed = hostEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "entry";
      throw new HostConfigError(`${where}: ${field}: ${issue?.message ?? "invalid"}`);
    }
    if (seen.has(parsed.data.id))
      throw new HostConfigError(`${where}: id: duplicate host id "${parsed.data.id}"`);
    seen.add(parsed.data.id);
    return toHostSpec(parsed.data, where);
  });
}
