import http from "node:http";
import type { Duplex } from "node:stream";
import { loopbackOf, publishSelfUrl, selfUrl } from "../lib/self-url";
import { createApiHandler } from "./api/dispatch";
import { buildRouter } from "./api/index";
import type { RouteDef } from "./api/router";
import { resolveSession } from "./auth/request-auth";
import { AuditLog } from "./audit/audit-log";
import { LoginRateLimiter } from "./auth/rate-limit";
import { SecretBox } from "./auth/secrets";
import { SessionStore } from "./auth/sessions";
import { TokenStore } from "./auth/tokens";
import { UserStore } from "./auth/users";
import type { Config } from "./config";
import type { AppContext } from "./context";
import { openDatabase } from "./db/database";
import { HostRegistry } from "./engines/host-registry";
import { ManagedHostStore } from "./engines/managed-hosts";
import type { HealthTiming } from "./engines/host-connection";
import type { HostStatusEvent } from "../lib/realtime/events";
import { RegistryStore } from "./registries/registry-store";
import { StackStore } from "./stacks/stack-store";
import { HistoryStore } from "./metrics/history-store";
import { DEFAULT_COLLECT_MS, MetricsCollector } from "./metrics/collector";
import { ContainerSampler } from "./metrics/sampler";
import { createMetricsHandler } from "./api/metrics-endpoint";
import { createDockerEndpoint } from "./docker-api/endpoint";
import { watchEventLag } from "./telemetry/instruments";
import { RestartCounter } from "./metrics/restarts";
import { AlertService } from "./alerts/service";
import { AlertStore } from "./alerts/alert-store";
import { DEFAULT_LOCAL_PATHS, LocalEngineProbe } from "./engines/local-probe";
import { DEFAULT_DISK_INTERVAL_MS, DiskSpace } from "./engines/disk-space";
import { ImageOwnerStore } from "./scope/image-owners";
import { createImageServices } from "./images/service";
import { applyHeaders, securityHeaders } from "./http-headers";
import { attachRealtime, type Realtime, type WharfIo } from "./realtime/index";
import { trackSwarmHosts } from "./swarm/presence";

export type PageHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface Wharf {
  ctx: AppContext;
  /** The route table: what the server answers, for the OpenAPI document and the route-table test. */
  routes: readonly RouteDef[];
  /** The socket.io commands the server answers. */
  socketCommands: readonly string[];
  server: http.Server;
  io: WharfIo;
  /** The stats hub and logs rooms, for tests and benchmarks that read their counters. */
  realtime: Pick<Realtime, "stats" | "logs">;
  /** The background stats collector, whose counters tests and benchmarks read. */
  collector: MetricsCollector;
  /** Set once the Next app is ready; until then pages answer 503. */
  setPageHandler(handler: PageHandler): void;
  listen(): Promise<number>;
  close(): Promise<void>;
  adminPassword?: string;
}

/**
 * Failed sign-ins allowed within the window before 429: per username (guessing one password), and a
 * higher bar per IP (spraying many usernames), since an office may share one address.
 */
export const LOGIN_MAX_FAILURES_PER_USER = 10;
export const LOGIN_MAX_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** How long shutdown waits for exec processes to be ended inside their containers. */
const SHUTDOWN_DRAIN_MS = 4000;

const PUBLIC_PAGE_PREFIXES = ["/_next/", "/login", "/favicon", "/icon", "/robots.txt", "/wharf.svg"];

/** One line per change of a host's health, so an operator can tell from the log when a host went away. */
function logHostStatus(e: HostStatusEvent): void {
  if (e.status === "up")
    console.log(
      `wharf: host "${e.hostId}" up (engine ${e.engineVersion ?? "?"}, API ${e.apiVersion ?? "?"})`,
    );
  else console.error(`wharf: host "${e.hostId}" ${e.status}${e.error ? `: ${e.error}` : ""}`);
}

/** Builds the whole server without starting Next, so integration tests can run it in-process. */
export async function createWharf(config: Config, opts: { timing?: HealthTiming } = {}): Promise<Wharf> {
  const db = openDatabase(config.dataDir);
  const users = new UserStore(db);
  const sessions = new SessionStore(db, users);
  const admin = await users.ensureAdmin(config.adminPassword);
  const secrets = SecretBox.fromConfig(config.secretKey, config.dataDir);
  const managedHosts = new ManagedHostStore(db, secrets);
  const hosts = new HostRegistry(config.hosts, opts.timing);
  const untrackSwarms = trackSwarmHosts(hosts);
  for (const spec of managedHosts.specs((id, msg) =>
    console.error(`wharf: managed host "${id}" skipped: ${msg}`),
  )) {
    if (hosts.find(spec.id))
      console.error(`wharf: managed host "${spec.id}" skipped: WHARF_HOSTS has the same id`);
    else hosts.addSpec(spec);
  }
  const registries = new RegistryStore(db, secrets);
  const history = new HistoryStore(db);
  const collector = new MetricsCollector(
    hosts,
    history,
    new ContainerSampler(new LocalEngineProbe(), DEFAULT_LOCAL_PATHS.procRoot),
    config.metricsIntervalMs ?? DEFAULT_COLLECT_MS,
  );
  let boundPort = config.port;
  const disk = new DiskSpace({
    intervalMs: config.diskIntervalMs ?? DEFAULT_DISK_INTERVAL_MS,
    ...(config.diskProbeImage ? { probeImage: config.diskProbeImage } : {}),
  });
  const alerts = new AlertService(
    new AlertStore(db, secrets),
    hosts,
    collector,
    () => config.publicUrl ?? `http://localhost:${boundPort}`,
    {
      disk,
      registries,
      ...(config.imageUpdateIntervalMs ? { imageUpdateIntervalMs: config.imageUpdateIntervalMs } : {}),
    },
  );
  const ctx: AppContext = {
    config,
    db,
    users,
    sessions,
    tokens: new TokenStore(db),
    audit: new AuditLog(db),
    secrets,
    loginLimiter: {
      ip: new LoginRateLimiter(LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MS),
      user: new LoginRateLimiter(LOGIN_MAX_FAILURES_PER_USER, LOGIN_WINDOW_MS),
    },
    hosts,
    managedHosts,
    registries,
    imageOwners: new ImageOwnerStore(db),
    stacks: new StackStore(db, secrets),
    history,
    collector,
    disk,
    alerts,
    images: createImageServices(registries),
    startedAt: Date.now(),
  };
  const router = buildRouter(ctx);
  const api = createApiHandler(router, ctx);
  const docker = createDockerEndpoint(ctx);
  const headers = securityHeaders(config.dev);
  let pages: PageHandler | undefined;
  let metrics: PageHandler = (_req, res) => void res.writeHead(503).end();

  const server = http.createServer((req, res) => {
    applyHeaders(res, headers);
    const url = new URL(req.url ?? "/", "http://wharf.invalid");
    if (url.pathname === "/metrics") {
      void metrics(req, res);
      return;
    }
    if (docker.matches(url.pathname)) {
      docker.handle(req, res, url);
      return;
    }
    if (url.pathname.startsWith("/api/")) {
      void api(req, res, url);
      return;
    }
    const isPublic = PUBLIC_PAGE_PREFIXES.some((p) => url.pathname.startsWith(p));
    // Pages are gated here, in one place, so no page is ever served without a session.
    if (!isPublic && !resolveSession(req, sessions)) {
      const next = url.pathname === "/" ? "" : `?next=${encodeURIComponent(url.pathname + url.search)}`;
      res.writeHead(302, { location: `/login${next}` }).end();
      return;
    }
    if (!pages) {
      res.writeHead(503, { "content-type": "text/plain" }).end("Wharf is starting");
      return;
    }
    void pages(req, res);
  });
  const realtime = attachRealtime(server, ctx);
  // One dispatcher for upgrades: the Docker endpoint's hijacked calls, else socket.io's own handler
  // (which closes a socket it does not know after a second: an exec check can take longer).
  const others = server.listeners("upgrade") as ((req: http.IncomingMessage, s: Duplex, h: Buffer) => void)[];
  server.removeAllListeners("upgrade");
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://wharf.invalid");
    if (docker.matches(url.pathname)) return docker.upgrade(req, socket, head, url);
    for (const l of others) l.call(server, req, socket, head);
  });
  const { io } = realtime;
  hosts.on("status", logHostStatus);
  realtime.stats.observe((s, c) => collector.observe(s, c));
  const restarts = new RestartCounter(hosts);
  const stopEventLag = watchEventLag(hosts);
  metrics = createMetricsHandler(ctx, {
    collector,
    restarts,
    streams: () => {
      const c = realtime.stats.counters();
      return { statsUpstream: c.upstream, statsLocal: c.local, sockets: io.engine.clientsCount };
    },
  });
  hosts.start();
  collector.start();
  alerts.start();

  return {
    ctx,
    server,
    io,
    routes: router.all(),
    socketCommands: realtime.commands,
    realtime: { stats: realtime.stats, logs: realtime.logs },
    collector,
    adminPassword: admin.generated,
    setPageHandler: (h) => {
      pages = h;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.bind, () => {
          const addr = server.address();
          boundPort = typeof addr === "object" && addr ? addr.port : config.port;
          publishSelfUrl(`http://${loopbackOf(config.bind)}:${boundPort}`);
          resolve(boundPort);
        });
      }),
    close: async () => {
      // Exec processes are ended inside their containers while the engines are still reachable.
      await Promise.race([realtime.drain(), new Promise((r) => setTimeout(r, SHUTDOWN_DRAIN_MS))]);
      alerts.close();
      await collector.close();
      restarts.close();
      stopEventLag();
      untrackSwarms();
      hosts.stop();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      server.closeAllConnections();
      if (selfUrl() === `http://${loopbackOf(config.bind)}:${boundPort}`) publishSelfUrl(undefined);
      db.close();
    },
  };
}
