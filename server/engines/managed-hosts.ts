import { AppError, messageOf } from "../../lib/errors";
import type { SecretBox } from "../auth/secrets";
import type { Db } from "../db/database";
import { HostConfigError, hostEntrySchema, toHostSpec, type HostEntry, type HostSpec } from "./host-spec";
import { fieldError } from "../../lib/parse";

interface ManagedRow {
  id: string;
  name: string;
  url: string;
  tls: string | null;
  ssh: string | null;
}

/** Hosts added by admins, kept in SQLite with their TLS and SSH material sealed by the secret key. */
export class ManagedHostStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  private openJson(sealed: string): unknown {
    return JSON.parse(this.secrets.open(sealed));
  }

  private entry(row: ManagedRow): HostEntry {
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      ...(row.tls ? { tls: hostEntrySchema.shape.tls.parse(this.openJson(row.tls)) } : {}),
      ...(row.ssh ? { ssh: hostEntrySchema.shape.ssh.parse(this.openJson(row.ssh)) } : {}),
    };
  }

  /** Specs of every stored host; one that cannot be read is reported and skipped, never fatal. */
  specs(onError: (id: string, message: string) => void): HostSpec[] {
    const rows = this.db.prepare<unknown[], ManagedRow>("SELECT * FROM managed_hosts ORDER BY id").all();
    const out: HostSpec[] = [];
    for (const row of rows) {
      try {
        out.push({ ...toHostSpec(this.entry(row), `host "${row.id}"`), source: "managed" });
      } catch (e) {
        onError(row.id, messageOf(e));
      }
    }
    return out;
  }

  /** Validates by building the spec first, so nothing half-valid is ever stored. */
  add(entry: HostEntry): HostSpec {
    // Hosts added at run time carry their material inline; a path would make Wharf read its own files.
    const material: [string, string | undefined][] = [
      ["tls.ca", entry.tls?.ca],
      ["tls.cert", entry.tls?.cert],
      ["tls.key", entry.tls?.key],
      ["ssh.privateKey", entry.ssh?.privateKey],
    ];
    const path = material.find(([, v]) => v !== undefined && !v.includes("-----BEGIN"));
    if (path) throw fieldError(path[0], "must be PEM text, not a file path");
    if (this.has(entry.id)) throw fieldError("id", `host "${entry.id}" already exists`, "CONFLICT");
    let spec: HostSpec;
    try {
      spec = { ...toHostSpec(entry, "host"), source: "managed" };
    } catch (e) {
      if (e instanceof HostConfigError) throw new AppError("VALIDATION", e.message.replace(/^host: /, ""));
      throw e;
    }
    this.db
      .prepare("INSERT INTO managed_hosts (id, name, url, tls, ssh, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(
        entry.id,
        entry.name ?? entry.id,
        entry.url,
        entry.tls ? this.secrets.seal(JSON.stringify(entry.tls)) : null,
        entry.ssh ? this.secrets.seal(JSON.stringify(entry.ssh)) : null,
        Date.now(),
      );
    return spec;
  }

  has(id: string): boolean {
    return !!this.db.prepare("SELECT 1 FROM managed_hosts WHERE id = ?").get(id);
  }

  remove(id: string): void {
    this.db.prepare("DELETE FROM managed_hosts WHERE id = ?").run(id);
  }
}
