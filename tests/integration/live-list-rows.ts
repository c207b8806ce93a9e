import type { ContainerSummary, PortBinding } from "../../lib/types";

/** One container as both sides are compared: the fields `docker ps` shows, normalized. */
export interface Row {
  id: string;
  names: string[];
  image: string;
  state: string;
  status: string;
  labels: Record<string, string>;
  /** One entry per port, ranges expanded, sorted: `80/tcp` or `127.0.0.1:8080->80/tcp`. */
  ports: string[];
}

const FIELDS = [
  "names",
  "image",
  "state",
  "status",
  "labels",
  "ports",
] as const satisfies readonly (keyof Row)[];

interface CliRow {
  ID: string;
  Names: string;
  Image: string;
  State: string;
  Status: string;
  Labels: string;
  Ports: string;
}

const mine = (prefix: string) => (r: Row) => r.names.some((n) => n.startsWith(`${prefix}-`));
const byId = (a: Row, b: Row) => a.id.localeCompare(b.id);

/** The CLI joins labels as `k=v,k=v`: the test's label values never hold a comma. */
export function parseCliLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of s ? s.split(",") : []) {
    const eq = pair.indexOf("=");
    if (eq < 0) out[pair] = "";
    else out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const PORT_GROUP = /^(?:(.+):(\d+)(?:-(\d+))?->)?(\d+)(?:-(\d+))?\/(\w+)$/;

/**
 * The CLI's Ports column: `80/tcp`, `7000-7002/udp`, `0.0.0.0:8080->80/tcp`,
 * `0.0.0.0:80-81->80-81/tcp` or `[::]:8080->80/tcp`, joined with ", ". Ranges are expanded
 * and IPv6 brackets dropped, so the result compares as a set against the engine's own entries.
 */
export function parseCliPorts(s: string): string[] {
  const out: string[] = [];
  for (const group of s ? s.split(", ") : []) {
    const m = PORT_GROUP.exec(group.trim());
    if (!m) throw new Error(`unexpected Ports entry from the CLI: ${JSON.stringify(group)}`);
    const [, ip, pubFirst, pubLast, privFirst, privLast, type] = m;
    const privs = range(Number(privFirst), Number(privLast ?? privFirst));
    if (ip === undefined) {
      out.push(...privs.map((p) => `${p}/${type}`));
      continue;
    }
    const host = ip.replace(/^\[(.*)\]$/, "$1");
    const pubs = range(Number(pubFirst), Number(pubLast ?? pubFirst));
    if (pubs.length !== privs.length) throw new Error(`uneven port ranges from the CLI: ${group}`);
    out.push(...privs.map((p, i) => `${host}:${pubs[i]}->${p}/${type}`));
  }
  return out.sort();
}

/** As the CLI does, a binding without a host address shows only its container port. */
export function normalizeWharfPorts(ports: readonly PortBinding[]): string[] {
  return ports
    .map((p) =>
      p.ip && p.publicPort
        ? `${p.ip}:${p.publicPort}->${p.privatePort}/${p.type}`
        : `${p.privatePort}/${p.type}`,
    )
    .sort();
}

/** `docker ps -a --no-trunc --format '{{json .}}'` output, this run's containers only. */
export function parseCliRows(out: string, prefix: string): Row[] {
  return out
    .split("\n")
    .filter((l) => l.trim())
    .map((l): Row => {
      const c = JSON.parse(l) as CliRow;
      return {
        id: c.ID,
        names: c.Names.split(",").sort(),
        image: c.Image,
        state: c.State,
        status: c.Status,
        labels: parseCliLabels(c.Labels),
        ports: parseCliPorts(c.Ports),
      };
    })
    .filter(mine(prefix))
    .sort(byId);
}

export function wharfRows(items: readonly ContainerSummary[], prefix: string): Row[] {
  return items
    .map((c): Row => ({
      id: c.id,
      names: [c.name],
      image: c.image,
      state: c.state,
      status: c.status,
      labels: { ...c.labels },
      ports: normalizeWharfPorts(c.ports),
    }))
    .filter(mine(prefix))
    .sort(byId);
}

const show = (v: unknown) => JSON.stringify(v instanceof Object && !Array.isArray(v) ? sortKeys(v) : v);
const sortKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** Human-readable differences, one line each; empty when both sides agree field for field. */
export function diffRows(cli: readonly Row[], wharf: readonly Row[]): string[] {
  const lines: string[] = [];
  const other = new Map(wharf.map((r) => [r.id, r]));
  const label = (r: Row) => `${r.names.join(",")} (${r.id.slice(0, 12)})`;
  for (const c of cli) {
    const w = other.get(c.id);
    other.delete(c.id);
    if (!w) {
      lines.push(`only in the CLI: ${label(c)} ${c.state} ${JSON.stringify(c.status)}`);
      continue;
    }
    const fields = FIELDS.filter((f) => show(c[f]) !== show(w[f]));
    if (fields.length)
      lines.push(
        `${label(c)}: ${fields.map((f) => `${f} cli=${show(c[f])} wharf=${show(w[f])}`).join("; ")}`,
      );
  }
  for (const w of other.values())
    lines.push(`only in Wharf: ${label(w)} ${w.state} ${JSON.stringify(w.status)}`);
  return lines;
}

export function renderRows(rows: readonly Row[]): string {
  if (!rows.length) return "    (none)";
  return rows
    .map((r) => `    ${r.names.join(",")} ${r.id.slice(0, 12)} ${r.state} ${JSON.stringify(r.status)}`)
    .join("\n");
}
