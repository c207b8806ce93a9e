import type { AuditLog } from "./audit/audit-log";
import type { LoginRateLimiter } from "./auth/rate-limit";
import type { SecretBox } from "./auth/secrets";
import type { SessionStore } from "./auth/sessions";
import type { TokenStore } from "./auth/tokens";
import type { UserStore } from "./auth/users";
import type { Config } from "./config";
import type { Db } from "./db/database";
import type { HostRegistry } from "./engines/host-registry";
import type { ManagedHostStore } from "./engines/managed-hosts";
import type { RegistryStore } from "./registries/registry-store";
import type { ImageOwnerStore } from "./scope/image-owners";
import type { ImageServices } from "./images/service";
import type { StackStore } from "./stacks/stack-store";
import type { HistoryStore } from "./metrics/history-store";
import type { MetricsCollector } from "./metrics/collector";
import type { AlertService } from "./alerts/service";
import type { DiskSpace } from "./engines/disk-space";

/** What request handlers and socket handlers may use; built once at boot. */
export interface AppContext {
  config: Config;
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  tokens: TokenStore;
  audit: AuditLog;
  secrets: SecretBox;
  loginLimiter: { ip: LoginRateLimiter; user: LoginRateLimiter };
  hosts: HostRegistry;
  managedHosts: ManagedHostStore;
  registries: RegistryStore;
  /** Who brought each image onto each host: what a label-scoped team may change. */
  imageOwners: ImageOwnerStore;
  /** Image jobs (pull, push, build) and the registry update cache. */
  images: ImageServices;
  /** Compose stacks Wharf keeps files and revisions for. */
  stacks: StackStore;
  /** Stats history: every running container's, sampled in the background. */
  history: HistoryStore;
  /** The background collector: each container's latest figures, for the overview and /metrics. */
  collector: MetricsCollector;
  /** Each host's disk (its data root and volumes), measured on demand and at most once per interval. */
  disk: DiskSpace;
  /** Alert rules, targets, alerts and their deliveries, and the pipeline that evaluates and sends them. */
  alerts: AlertService;
  startedAt: number;
}
