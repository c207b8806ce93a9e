import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import type { SessionRecord, SessionUser } from "../../lib/types";
import type { Db } from "../db/database";
import type { UserStore } from "./users";

export const SESSION_COOKIE = "wharf_session";
export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay cheap on the hot path. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Session {
  id: string;
  user: SessionUser;
  expiresAt: number;
}

interface SessionRow {
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export class SessionStore extends EventEmitter<{ revoked: [sessionId: string] }> {
  /** Prepared once: resolve() runs on every request and socket sweep. */
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly users: UserStore,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.stmt = {
      get: db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE id = ?"),
      touch: db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?"),
      remove: db.prepare("DELETE FROM sessions WHERE id = ?"),
    };
  }

  create(
    user: SessionUser,
    meta: { ip?: string; userAgent?: string } = {},
  ): { token: string; session: Session } {
    const token = crypto.randomBytes(32).toString("base64url");
    const id = hashToken(token);
    const t = this.now();
    const expiresAt = t + ABSOLUTE_TIMEOUT_MS;
    this.db
      .prepare(
        "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, user.id, t, t, expiresAt, meta.ip ?? null, meta.userAgent?.slice(0, 200) ?? null);
    return { token, session: { id, user, expiresAt } };
  }

  /** The session for a cookie token, or undefined when unknown, expired, idle too long, or its user is disabled. */
  resolve(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const id = hashToken(token);
    const row = this.stmt.get.get(id);
    if (!row) return undefined;
    const t = this.now();
    if (t >= row.expires_at || t - row.last_seen_at >= IDLE_TIMEOUT_MS) {
      this.revoke(id);
      return undefined;
    }
    const user = this.users.findById(row.user_id);
    if (!user || user.disabled) return undefined;
    if (t - row.last_seen_at >= TOUCH_EVERY_MS) {
      this.stmt.touch.run(t, id);
    }
    const { disabled: _d, createdAt: _c, ...sessionUser } = user;
    return { id, user: sessionUser, expiresAt: row.expires_at };
  }

  /** Still valid? Used to drop long-lived sockets whose session ended without a logout request. */
  isActive(sessionId: string): boolean {
    const row = this.stmt.get.get(sessionId);
    const t = this.now();
    return !!row && t < row.expires_at && t - row.last_seen_at < IDLE_TIMEOUT_MS;
  }

  revoke(sessionId: string): boolean {
    const removed = this.stmt.remove.run(sessionId).changes > 0;
    this.emit("revoked", sessionId);
    return removed;
  }

  /** Ends every session of a user (password change, disable, delete), optionally keeping one. */
  revokeForUser(userId: number, keepSessionId?: string): number {
    const ids = this.idsForUser(userId).filter((id) => id !== keepSessionId);
    for (const id of ids) this.revoke(id);
    return ids.length;
  }

  idsForUser(userId: number): string[] {
    return this.db
      .prepare<unknown[], { id: string }>("SELECT id FROM sessions WHERE user_id = ?")
      .all(userId)
      .map((r) => r.id);
  }

  list(): SessionRecord[] {
    const t = this.now();
    const rows = this.db
      .prepare<
        [number, number],
        SessionRow & { username: string; ip: string | null; user_agent: string | null }
      >(
        `SELECT s.*, u.username FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.expires_at > ? AND s.last_seen_at > ? ORDER BY s.last_seen_at DESC`,
      )
      .all(t, t - IDLE_TIMEOUT_MS);
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      username: r.username,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      ...(r.ip ? { ip: r.ip } : {}),
      ...(r.user_agent ? { userAgent: r.user_agent } : {}),
    }));
  }
}
