import type { SessionStore } from "./auth/sessions";
import type { UserStore } from "./auth/users";
import type { Config } from "./config";
import type { Db } from "./db/database";
import type { HostRegistry } from "./engines/host-registry";

/** What request handlers and socket handlers may use; built once at boot. */
export interface AppContext {
  config: Config;
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  hosts: HostRegistry;
  startedAt: number;
}
