import crypto from "node:crypto";
import type { Role, Scope } from "../../lib/permissions";
import { AppError } from "../../lib/errors";
import type { TokenRecord } from "../../lib/types";
import type { Db } from "../db/database";
import { parseScopeColumn, type Principal } from "./principal";

export const TOKEN_PREFIX = "wharf_";
/** last_used_at is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;

interface TokenRow {
  id: number;
  name: string;
  role: Role;
  hosts: string;
  label_selector: string | null;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
}

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function toRecord(r: TokenRow): TokenRecord {
  const scope = parseScopeColumn(r.hosts, r.label_selector);
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    hosts: scope.hosts,
    ...(scope.labelSelector ? { labelSelector: scope.labelSelector } : {}),
    createdBy: r.created_by,
    createdAt: r.created_at,
    ...(r.last_used_at ? { lastUsedAt: r.last_used_at } : {}),
  };
}

/** API tokens for automation: shown once at creation, stored only as a SHA-256. */
export class TokenStore {
  private readonly byHash;

  constructor(private readonly db: Db) {
    this.byHash = db.prepare<[string], TokenRow>("SELECT * FROM api_tokens WHERE token_hash = ?");
  }

  create(name: string, role: Role, scope: Scope, createdBy: string): { token: string; record: TokenRecord } {
    const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
    const info = this.db
      .prepare(
        `INSERT INTO api_tokens (name, token_hash, role, hosts, label_selector, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        name,
        hash(token),
        role,
        JSON.stringify(scope.hosts),
        scope.labelSelector ?? null,
        createdBy,
        Date.now(),
      );
    return { token, record: this.get(Number(info.lastInsertRowid)) };
  }

  get(id: number): TokenRecord {
    const row = this.db.prepare<unknown[], TokenRow>("SELECT * FROM api_tokens WHERE id = ?").get(id);
    if (!row) throw new AppError("NOT_FOUND", `unknown token ${id}`);
    return toRecord(row);
  }

  list(): TokenRecord[] {
    return this.db
      .prepare<unknown[], TokenRow>("SELECT * FROM api_tokens ORDER BY created_at DESC")
      .all()
      .map(toRecord);
  }

  revoke(id: number): TokenRecord {
    const t = this.get(id);
    this.db.prepare("DELETE FROM api_tokens WHERE id = ?").run(id);
    return t;
  }

  /** The principal of a token that still exists; sockets use it to notice revocation. */
  byId(id: number): Principal | undefined {
    const row = this.db.prepare<unknown[], TokenRow>("SELECT * FROM api_tokens WHERE id = ?").get(id);
    return row && this.principal(row);
  }

  private principal(row: TokenRow): Principal {
    return {
      kind: "token",
      id: row.id,
      name: `token:${row.name}`,
      role: row.role,
      scope: parseScopeColumn(row.hosts, row.label_selector),
    };
  }

  resolve(token: string): Principal | undefined {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.byHash.get(hash(token));
    if (!row) return undefined;
    const now = Date.now();
    if (!row.last_used_at || now - row.last_used_at > TOUCH_EVERY_MS) {
      this.db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(now, row.id);
    }
    return this.principal(row);
  }
}
