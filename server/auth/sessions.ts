import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import type { SessionUser } from "../../lib/types";
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
      get: db.prepare("SELECT * FROM sessions WHERE id = ?"),
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
    const row = this.stmt.get.get(id) as SessionRow | undefined;
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
    return { id, user: { id: user.id, username: user.username, role: user.role }, expiresAt: row.expires_at };
  }

  /** Still valid? Used to drop long-lived sockets whose session ended without a logout request. */
  isActive(sessionId: string): boolean {
    const row = this.stmt.get.get(sessionId) as SessionRow | undefined;
    const t = this.now();
    return !!row && t < row.expires_at && t - row.last_seen_at < IDLE_TIMEOUT_MS;
  }

  revoke(sessionId: string): void {
    this.stmt.remove.run(sessionId);
    this.emit("revoked", sessionId);
  }
}
