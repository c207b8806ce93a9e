import { AppError } from "../../lib/errors";
import type { RegistryCreateRequest, RegistryUpdateRequest } from "../../lib/schemas";
import type { RegistryRecord } from "../../lib/types";
import type { SecretBox } from "../auth/secrets";
import type { Db } from "../db/database";
import { fieldError, fieldIn } from "../../lib/parse";

interface Row {
  id: number;
  name: string;
  url: string;
  username: string | null;
  password: string | null;
  created_at: number;
}

/** What the registry client needs: the record plus the opened password. Never leaves the server. */
export interface RegistryTarget {
  id: number;
  name: string;
  url: string;
  username?: string;
  password?: string;
}

const toRecord = (r: Row): RegistryRecord => ({
  id: r.id,
  name: r.name,
  url: r.url,
  ...(r.username ? { username: r.username } : {}),
  hasPassword: !!r.password,
  createdAt: r.created_at,
});

const isUniqueViolation = (e: unknown) => fieldIn(e, "code") === "SQLITE_CONSTRAINT_UNIQUE";

/** Registries added by admins; passwords are sealed by the secret key before they touch the disk. */
export class RegistryStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  list(): RegistryRecord[] {
    return this.db.prepare<unknown[], Row>("SELECT * FROM registries ORDER BY name").all().map(toRecord);
  }

  get(id: number): RegistryRecord {
    return toRecord(this.row(id));
  }

  /** The credentials to talk to the registry with; a password sealed by another key is reported plainly. */
  target(id: number): RegistryTarget {
    const r = this.row(id);
    let password: string | undefined;
    if (r.password) {
      try {
        password = this.secrets.open(r.password);
      } catch {
        throw new AppError(
          "CONFLICT",
          `registry "${r.name}": its stored password cannot be opened with this secret key; set it again`,
        );
      }
    }
    return {
      id: r.id,
      name: r.name,
      url: r.url,
      ...(r.username ? { username: r.username } : {}),
      ...(password !== undefined ? { password } : {}),
    };
  }

  add(input: RegistryCreateRequest): RegistryRecord {
    try {
      const info = this.db
        .prepare("INSERT INTO registries (name, url, username, password, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(
          input.name,
          input.url,
          input.username || null,
          input.password ? this.secrets.seal(input.password) : null,
          Date.now(),
        );
      return this.get(Number(info.lastInsertRowid));
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError("CONFLICT", `name: registry "${input.name}" already exists`);
      throw e;
    }
  }

  update(id: number, patch: RegistryUpdateRequest): RegistryRecord {
    const current = this.row(id);
    const username = patch.username === undefined ? current.username : patch.username || null;
    const password =
      patch.password === undefined
        ? current.password
        : patch.password
          ? this.secrets.seal(patch.password)
          : null;
    if (password && !username) throw fieldError("username", "is required with a password");
    try {
      this.db
        .prepare("UPDATE registries SET name = ?, url = ?, username = ?, password = ? WHERE id = ?")
        .run(patch.name ?? current.name, patch.url ?? current.url, username, password, id);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError("CONFLICT", `name: registry "${patch.name}" already exists`);
      throw e;
    }
    return this.get(id);
  }

  remove(id: number): RegistryRecord {
    const r = this.get(id);
    this.db.prepare("DELETE FROM registries WHERE id = ?").run(id);
    return r;
  }

  private row(id: number): Row {
    const r = this.db.prepare<unknown[], Row>("SELECT * FROM registries WHERE id = ?").get(id);
    if (!r) throw new AppError("NOT_FOUND", `no registry with id ${id}`);
    return r;
  }
}
