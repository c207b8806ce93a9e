import http from "node:http";
import { createApiHandler } from "./api/dispatch";
import { buildRouter } from "./api/index";
import { resolveSession } from "./auth/request-auth";
import { SessionStore } from "./auth/sessions";
import { UserStore } from "./auth/users";
import type { Config } from "./config";
import type { AppContext } from "./context";
import { openDatabase } from "./db/database";
import { HostRegistry } from "./engines/host-registry";
import type { HealthTiming } from "./engines/host-connection";
import { applyHeaders, securityHeaders } from "./http-headers";
import { attachRealtime, type WharfIo } from "./realtime/index";

export type PageHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface Wharf {
  ctx: AppContext;
  server: http.Server;
  io: WharfIo;
  /** Set once the Next app is ready; until then pages answer 503. */
  setPageHandler(handler: PageHandler): void;
  listen(): Promise<number>;
  close(): Promise<void>;
  adminPassword?: string;
}

const PUBLIC_PAGE_PREFIXES = ["/_next/", "/login", "/favicon", "/icon", "/robots.txt", "/wharf.svg"];

/** Builds the whole server without starting Next, so integration tests can run it in-process. */
export async function createWharf(config: Config, opts: { timing?: HealthTiming } = {}): Promise<Wharf> {
  const db = openDatabase(config.dataDir);
  const users = new UserStore(db);
  const sessions = new SessionStore(db, users);
  const admin = await users.ensureAdmin(config.adminPassword);
  const hosts = new HostRegistry(config.hosts, opts.timing);
  const ctx: AppContext = { config, db, users, sessions, hosts, startedAt: Date.now() };
  const api = createApiHandler(buildRouter(ctx), ctx);
  const headers = securityHeaders(config.dev);
  let pages: PageHandler | undefined;

  const server = http.createServer((req, res) => {
    applyHeaders(res, headers);
    const url = new URL(req.url ?? "/", "http://wharf.invalid");
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
  const io = attachRealtime(server, ctx);
  hosts.start();

  return {
    ctx,
    server,
    io,
    adminPassword: admin.generated,
    setPageHandler: (h) => {
      pages = h;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.bind, () => {
          const addr = server.address();
          resolve(typeof addr === "object" && addr ? addr.port : config.port);
        });
      }),
    close: async () => {
      hosts.stop();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      server.closeAllConnections();
      db.close();
    },
  };
}
