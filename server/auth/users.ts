import type { Role, Scope } from "../../lib/permissions";
import { AppError } from "../../lib/errors";
import type { UserRecord } from "../../lib/types";
import type { Db } from "../db/database";
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./passwords";
import { parseScopeColumn } from "./principal";
import { isLocale, type Locale } from "../../lib/i18n/locales";

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  disabled: number;
  hosts: string;
  label_selector: string | null;
  created_at: number;
  locale: string | null;
}

function toRecord(row: UserRow): UserRecord {
  const scope = parseScopeColumn(row.hosts, row.label_selector);
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    hosts: scope.hosts,
    ...(scope.labelSelector ? { labelSelector: scope.labelSelector } : {}),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    ...(isLocale(row.locale) ? { locale: row.locale } : {}),
  };
}

export interface UserChanges {
  role?: Role;
  scope?: Scope;
  disabled?: boolean;
  password?: string;
}

export class UserStore {
  private readonly byId;
  private readonly byName;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], UserRow>("SELECT * FROM users WHERE id = ?");
    this.byName = db.prepare<[string], UserRow>("SELECT * FROM users WHERE username = ?");
  }

  findById(id: number): UserRecord | undefined {
    const row = this.byId.get(id);
    return row && toRecord(row);
  }

  getById(id: number): UserRecord {
    const u = this.findById(id);
    if (!u) throw new AppError("NOT_FOUND", `unknown user ${id}`);
    return u;
  }

  list(): UserRecord[] {
    return this.db.prepare<unknown[], UserRow>("SELECT * FROM users ORDER BY username").all().map(toRecord);
  }

  async create(
    username: string,
    password: string,
    role: Role,
    scope: Scope = { hosts: "*" },
  ): Promise<UserRecord> {
    if (this.byName.get(username)) throw new AppError("CONFLICT", `username: "${username}" is taken`);
    const hash = await hashPassword(password);
    const info = this.db
      .prepare(
        "INSERT INTO users (username, password_hash, role, hosts, label_selector, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(username, hash, role, JSON.stringify(scope.hosts), scope.labelSelector ?? null, Date.now());
    return this.getById(Number(info.lastInsertRowid));
  }

  async update(id: number, changes: UserChanges): Promise<UserRecord> {
    const before = this.getById(id);
    if (before.role === "admin" && ((changes.role && changes.role !== "admin") || changes.disabled)) {
      this.assertAnotherAdmin(id);
    }
    const hash = changes.password !== undefined ? await hashPassword(changes.password) : undefined;
    this.db.transaction(() => {
      if (changes.role) this.db.prepare("UPDATE users SET role = ? WHERE id = ?").run(changes.role, id);
      if (changes.scope) {
        this.db
          .prepare("UPDATE users SET hosts = ?, label_selector = ? WHERE id = ?")
          .run(JSON.stringify(changes.scope.hosts), changes.scope.labelSelector ?? null, id);
      }
      if (changes.disabled !== undefined) {
        this.db.prepare("UPDATE users SET disabled = ? WHERE id = ?").run(changes.disabled ? 1 : 0, id);
      }
      if (hash) this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(hash, id);
    })();
    return this.getById(id);
  }

  /** The user's own language; undefined follows the browser. */
  setLocale(id: number, locale: Locale | undefined): UserRecord {
    this.getById(id);
    this.db.prepare("UPDATE users SET locale = ? WHERE id = ?").run(locale ?? null, id);
    return this.getById(id);
  }

  delete(id: number): UserRecord {
    const u = this.getById(id);
    if (u.role === "admin") this.assertAnotherAdmin(id);
    this.db.prepare("DELETE FROM users WHERE id = ?").run(id);
    return u;
  }

  /** Wharf must never lock itself out: the last enabled admin cannot be demoted, disabled or deleted. */
  private assertAnotherAdmin(id: number): void {
    const others = this.db
      .prepare<unknown[], { n: number }>(
        "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?",
      )
      .get(id);
    if (others?.n === 0)
      throw new AppError("CONFLICT", "this is the last enabled admin; make another admin first");
  }

  /** Always does one scrypt verification, whether or not the user exists. */
  async authenticate(username: string, password: string): Promise<UserRecord | undefined> {
    const row = this.byName.get(username);
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) return undefined;
    return toRecord(row);
  }

  async verifyOwnPassword(id: number, password: string): Promise<boolean> {
    const row = this.byId.get(id);
    return !!row && (await verifyPassword(password, row.password_hash));
  }

  /**
   * Creates `admin` on first boot. The configured password is used only then, so a later password
   * change is not undone by a restart. Returns the password when Wharf generated it.
   */
  async ensureAdmin(configured: string | undefined): Promise<{ created: boolean; generated?: string }> {
    const exists = this.db.prepare("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1").get();
    if (exists) return { created: false };
    const password = configured ?? generatePassword();
    await this.create("admin", password, "admin");
    return configured ? { created: true } : { created: true, generated: password };
  }
}
