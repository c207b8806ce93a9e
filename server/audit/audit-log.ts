import type { AuditEntry } from "../../lib/types";
import type { Db } from "../db/database";

/** An entry as it is written; the log numbers and times it. */
export type AuditInput = Omit<AuditEntry, "id" | "at">;

export interface AuditQuery {
  user?: string;
  hostId?: string;
  action?: string;
  from?: number;
  to?: number;
  limit?: number;
  beforeId?: number;
  /** Only entries by these users (a scoped admin's view); empty means none. */
  users?: string[];
  /** Only entries on these hosts, or on no host. */
  hosts?: string[];
}

interface AuditRow {
  id: number;
  at: number;
  user: string;
  ip: string | null;
  host_id: string | null;
  target: string | null;
  action: string;
  params: string | null;
  result: "ok" | "error";
  error: string | null;
}

const SECRET_KEYS = /pass(word)?|secret|token|key|cert|credential|authorization/i;

/** Parameters as recorded: any field whose name suggests a secret is replaced, at any depth. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  // Deeper than any real parameter: drop it rather than risk an unredacted secret.
  if (depth > 6) return "[truncated]";
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Flags such as `passwordReset: true` say what happened without revealing anything.
    const secretish = SECRET_KEYS.test(k) && typeof v !== "boolean" && v !== null && v !== undefined;
    out[k] = secretish ? "[redacted]" : redact(v, depth + 1);
  }
  return out;
}

const parseJson = (text: string): unknown => JSON.parse(text);

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    user: r.user,
    action: r.action,
    result: r.result,
    ...(r.ip ? { ip: r.ip } : {}),
    ...(r.host_id ? { hostId: r.host_id } : {}),
    ...(r.target ? { target: r.target } : {}),
    ...(r.params ? { params: parseJson(r.params) } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

/**
 * Append-only (triggers refuse UPDATE and DELETE). The insert is synchronous and the database runs
 * with synchronous=FULL, so an entry is on disk before the reply that depends on it is written.
 */
export class AuditLog {
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, user, ip, host_id, target, action, params, result, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(e: AuditInput): void {
    const json = e.params === undefined ? null : JSON.stringify(redact(e.params));
    // Cut too-long params to a JSON string of their start: cutting the JSON itself would leave text
    // that query() cannot parse, and no page of the append-only log holding that entry could be read.
    const params = json === null || json.length <= 8000 ? json : JSON.stringify(json.slice(0, 8000));
    this.insert.run(
      Date.now(),
      e.user,
      e.ip ?? null,
      e.hostId ?? null,
      e.target ?? null,
      e.action,
      params,
      e.result,
      e.error?.slice(0, 2000) ?? null,
    );
  }

  query(q: AuditQuery = {}): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, v: string | number) => {
      where.push(sql);
      args.push(v);
    };
    if (q.user) add("user = ?", q.user);
    if (q.hostId) add("host_id = ?", q.hostId);
    if (q.action) add("action LIKE ?", `${q.action.replace(/[%_]/g, "")}%`);
    if (q.from !== undefined) add("at >= ?", q.from);
    if (q.to !== undefined) add("at <= ?", q.to);
    if (q.beforeId !== undefined) add("id < ?", q.beforeId);
    const among = (column: string, list: string[], orNull = false) => {
      const clause = list.length ? `${column} IN (${list.map(() => "?").join(", ")})` : "0";
      where.push(orNull ? `(${column} IS NULL OR ${clause})` : clause);
      args.push(...list);
    };
    if (q.users) among("user", q.users);
    if (q.hosts) among("host_id", q.hosts, true);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`;
    return this.db
      .prepare<unknown[], AuditRow>(sql)
      .all(...args, q.limit ?? 200)
      .map(toEntry);
  }
}

const CSV_COLUMNS = ["at", "user", "ip", "hostId", "target", "action", "result", "error", "params"] as const;

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) {
    lines.push(CSV_COLUMNS.map((c) => csvCell(c === "at" ? new Date(e.at).toISOString() : e[c])).join(","));
  }
  return lines.join("\n") + "\n";
}
