import type { SessionUser } from "../../lib/types";
import type { Db } from "../db/database";
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./passwords";

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: SessionUser["role"];
  disabled: number;
}

export class UserStore {
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byId = db.prepare("SELECT id, username, role, disabled FROM users WHERE id = ?");
  }

  findById(id: number): (SessionUser & { disabled: boolean }) | undefined {
    const row = this.byId.get(id) as Omit<UserRow, "password_hash"> | undefined;
    return row && { id: row.id, username: row.username, role: row.role, disabled: row.disabled === 1 };
  }

  async create(username: string, password: string, role: SessionUser["role"]): Promise<SessionUser> {
    const hash = await hashPassword(password);
    const info = this.db
      .prepare("INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
      .run(username, hash, role, Date.now());
    return { id: Number(info.lastInsertRowid), username, role };
  }

  /** Always does one scrypt verification, whether or not the user exists. */
  async authenticate(username: string, password: string): Promise<SessionUser | undefined> {
    const row = this.db
      .prepare("SELECT id, username, password_hash, role, disabled FROM users WHERE username = ?")
      .get(username) as UserRow | undefined;
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) return undefined;
    return { id: row.id, username: row.username, role: row.role };
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
