import type { ComposeOrchestrator } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import type { StackRevisionInfo } from "../../lib/stacks/types";
import type { SecretBox } from "../auth/secrets";
import type { Db } from "../db/database";

interface StackRow {
  host_id: string;
  name: string;
  owner: string;
  created_at: number;
  orchestrator: ComposeOrchestrator;
}

interface RevisionRow {
  revision: number;
  compose: string;
  env: string | null;
  files: string | null;
  message: string;
  author: string;
  at: number;
  deployed_at: number | null;
  deployed_by: string | null;
}

export interface StoredStack {
  hostId: string;
  name: string;
  /** The label selector of the creator's scope; "" when the creator had none. */
  owner: string;
  createdAt: number;
  /** What it deploys to: containers on the host ("compose") or services on its swarm ("swarm"). */
  orchestrator: ComposeOrchestrator;
}

const stored = (r: StackRow): StoredStack => ({
  hostId: r.host_id,
  name: r.name,
  owner: r.owner,
  createdAt: r.created_at,
  orchestrator: r.orchestrator,
});

/** A revision with its sealed parts opened: for the server only (deploys and the owner's editor). */
export interface OpenRevision extends StackRevisionInfo {
  compose: string;
  env: string;
  files: Record<string, string>;
}

export interface NewRevision {
  compose: string;
  env?: string;
  files?: Record<string, string>;
  message?: string;
  author: string;
}

const info = (r: RevisionRow): StackRevisionInfo => ({
  revision: r.revision,
  message: r.message,
  author: r.author,
  at: r.at,
  ...(r.deployed_at ? { deployedAt: r.deployed_at } : {}),
  ...(r.deployed_by ? { deployedBy: r.deployed_by } : {}),
});

/** `.env` as the editor shows it to someone who may not change the stack: names only. */
export function redactEnv(env: string): string {
  return env
    .split("\n")
    .map((line) => {
      const m = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=)/.exec(line);
      return m?.[1] && !/^\s*#/.test(line) ? `${m[1]}…` : line;
    })
    .join("\n");
}

/**
 * The stacks Wharf keeps files for, one row per host and project, and their revisions. `.env` and
 * further files are sealed with the secret key: they often hold passwords.
 */
export class StackStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  find(hostId: string, name: string): StoredStack | undefined {
    const r = this.db
      .prepare<[string, string], StackRow>("SELECT * FROM stacks WHERE host_id = ? AND name = ?")
      .get(hostId, name);
    return r && stored(r);
  }

  list(hostId: string): StoredStack[] {
    return this.db
      .prepare<[string], StackRow>("SELECT * FROM stacks WHERE host_id = ? ORDER BY name")
      .all(hostId)
      .map(stored);
  }

  /** Creates the stack with its first revision, in one transaction. */
  create(
    hostId: string,
    name: string,
    owner: string,
    first: NewRevision,
    orchestrator: ComposeOrchestrator = "compose",
  ): StackRevisionInfo {
    return this.db.transaction(() => {
      if (this.find(hostId, name))
        throw new AppError("CONFLICT", `name: a stack named ${name} already exists on ${hostId}`);
      this.db
        .prepare("INSERT INTO stacks (host_id, name, owner, created_at, orchestrator) VALUES (?, ?, ?, ?, ?)")
        .run(hostId, name, owner, Date.now(), orchestrator);
      return this.insertRevision(hostId, name, 1, first);
    })();
  }

  addRevision(hostId: string, name: string, next: NewRevision): StackRevisionInfo {
    return this.db.transaction(() => {
      const last = this.db
        .prepare<[string, string], { n: number | null }>(
          "SELECT MAX(revision) AS n FROM stack_revisions WHERE host_id = ? AND name = ?",
        )
        .get(hostId, name);
      return this.insertRevision(hostId, name, (last?.n ?? 0) + 1, next);
    })();
  }

  private insertRevision(hostId: string, name: string, revision: number, r: NewRevision): StackRevisionInfo {
    const at = Date.now();
    const files = r.files && Object.keys(r.files).length ? this.secrets.seal(JSON.stringify(r.files)) : null;
    this.db
      .prepare(
        `INSERT INTO stack_revisions (host_id, name, revision, compose, env, files, message, author, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hostId,
        name,
        revision,
        r.compose,
        r.env ? this.secrets.seal(r.env) : null,
        files,
        r.message ?? "",
        r.author,
        at,
      );
    return { revision, message: r.message ?? "", author: r.author, at };
  }

  revisions(hostId: string, name: string): StackRevisionInfo[] {
    return this.db
      .prepare<[string, string], RevisionRow>(
        "SELECT * FROM stack_revisions WHERE host_id = ? AND name = ? ORDER BY revision DESC",
      )
      .all(hostId, name)
      .map(info);
  }

  /** One revision opened; the latest when `revision` is absent. */
  revision(hostId: string, name: string, revision?: number): OpenRevision | undefined {
    const r =
      revision === undefined
        ? this.db
            .prepare<[string, string], RevisionRow>(
              "SELECT * FROM stack_revisions WHERE host_id = ? AND name = ? ORDER BY revision DESC LIMIT 1",
            )
            .get(hostId, name)
        : this.db
            .prepare<[string, string, number], RevisionRow>(
              "SELECT * FROM stack_revisions WHERE host_id = ? AND name = ? AND revision = ?",
            )
            .get(hostId, name, revision);
    if (!r) return undefined;
    return {
      ...info(r),
      compose: r.compose,
      env: r.env ? this.open(r.env, "its .env") : "",
      files: r.files ? (JSON.parse(this.open(r.files, "its files")) as Record<string, string>) : {},
    };
  }

  /** The latest revision a deploy ended well with. */
  lastDeployed(hostId: string, name: string): StackRevisionInfo | undefined {
    const r = this.db
      .prepare<[string, string], RevisionRow>(
        `SELECT * FROM stack_revisions WHERE host_id = ? AND name = ? AND deployed_at IS NOT NULL
         ORDER BY deployed_at DESC LIMIT 1`,
      )
      .get(hostId, name);
    return r && info(r);
  }

  markDeployed(hostId: string, name: string, revision: number, by: string): void {
    this.db
      .prepare(
        "UPDATE stack_revisions SET deployed_at = ?, deployed_by = ? WHERE host_id = ? AND name = ? AND revision = ?",
      )
      .run(Date.now(), by, hostId, name, revision);
  }

  remove(hostId: string, name: string): void {
    this.db.prepare("DELETE FROM stacks WHERE host_id = ? AND name = ?").run(hostId, name);
  }

  private open(sealed: string, what: string): string {
    try {
      return this.secrets.open(sealed);
    } catch {
      throw new AppError(
        "INTERNAL",
        `the stack's ${what} was sealed with another secret key; set WHARF_SECRET_KEY to the key it was stored with`,
      );
    }
  }
}
