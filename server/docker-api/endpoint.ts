import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { hostAccessSettings, volumeHostAccess } from "../../lib/container-spec/host-access";
import { AppError, HTTP_STATUS } from "../../lib/errors";
import { roleAllows } from "../../lib/permissions";
import { bearerToken } from "../auth/authenticate";
import { requirePermission, type Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { hostBackedVolumes } from "../engines/container-create-volumes";
import type { HostConnection } from "../engines/host-connection";
import { dial, OK } from "../engines/engine-dial";
import { toAppError } from "../errors";
import { clientIp } from "../api/http";
import { requireCreateBodyInScope } from "../scope/container-refs";
import { requireHostAccessAllowed, requireLabelsInScope } from "../scope/create-checks";
import { requireNameAvailable } from "../scope/image-access";
import { resolveScope } from "../scope/declared";
import { containerInScope, hostInScope, isLabelScoped } from "../scope/targets";
import { engineWire } from "./engine-wire";
import { matchCall, VERSION_PREFIX, type Matched } from "./match";
import { isRefused, type Allowed } from "./policy";
import { eventFilter, filterList } from "./scope-filter";
import { recordingImage, requirePullName, taggedName, type ImageRecord } from "./scoped-pull";

/** `/api/v1/hosts/:hostId/docker` and everything under it. */
const ENDPOINT = /^\/api\/v1\/hosts\/([^/]+)\/docker(\/.*)?$/;
const BODY_LIMIT = 4 * 1024 * 1024;

/** A reply to the docker CLI: the engine's own error shape, which it prints after "Error response from daemon:". */
interface Reply {
  status: number;
  message: string;
}

interface Call {
  p: Principal;
  host: HostConnection;
  matched: Matched;
  policy: Allowed;
  /** The path to send the engine, version prefix and query included. */
  path: string;
  /** The request body, when it had to be read to be checked. */
  body?: Buffer;
  /** An image a label-scoped call brings in, recorded as the token's team's once the engine made it. */
  records?: ImageRecord;
}

/** Where the answer goes: a plain response, or the raw socket of a request asking to be hijacked. */
type Sink = { res: ServerResponse } | { socket: Duplex; head: Buffer };

const asReply = (err: unknown, hostId?: string): Reply => {
  const e = toAppError(err, { ...(hostId ? { hostId } : {}), log: "[docker-api]" });
  return { status: HTTP_STATUS[e.code], message: e.message };
};

function sendReply(sink: Sink, r: Reply): void {
  const body = JSON.stringify({ message: r.message });
  if ("res" in sink) {
    if (sink.res.headersSent) return void sink.res.destroy();
    sink.res.writeHead(r.status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    sink.res.end(body);
    return;
  }
  sink.socket.end(
    `HTTP/1.1 ${r.status} ${r.status === 401 ? "Unauthorized" : "Error"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new AppError("VALIDATION", "body: larger than 4 MiB"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function jsonBody(raw: Buffer): Record<string, unknown> {
  if (!raw.length) return {};
  try {
    const v = JSON.parse(raw.toString("utf8")) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AppError("VALIDATION", "body: must be a JSON object");
}

function authenticate(ctx: AppContext, req: IncomingMessage): Principal {
  const token = bearerToken(req);
  if (!token)
    throw new AppError(
      "UNAUTHENTICATED",
      'this endpoint takes a Wharf API token: put {"HttpHeaders": {"Authorization": "Bearer wharf_…"}} in the docker CLI\'s config.json',
    );
  const p = ctx.tokens.resolve(token);
  if (!p) throw new AppError("UNAUTHENTICATED", "the Wharf API token is unknown, expired or revoked");
  return p;
}

/**
 * A load or an import names its images from what it reads, which cannot be checked before the engine
 * has taken it: for a label scope, the Images page does those.
 */
function imageWrite(p: Principal): void {
  if (isLabelScoped(p))
    throw new AppError(
      "FORBIDDEN",
      `images are pulled, built, tagged and loaded on Wharf's Images page for a token limited to ${p.scope.labelSelector ?? ""}`,
    );
}

const OWN_NETWORK_DRIVERS = new Set(["", "bridge", "overlay"]);

/**
 * A volume the engine mounts from the host's own files or disks (`o=bind`, `device=/…`), or a
 * network on the host's own interfaces (macvlan, ipvlan, host): host access, for admins only, as a
 * bind or `--network host` is in a create body.
 */
function requireNoHostReach(kind: "volume-create" | "network-create", body: Record<string, unknown>): void {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  if (kind === "volume-create") {
    const reason = volumeHostAccess(
      str(body.Name),
      str(body.Driver) || "local",
      body.DriverOpts as Record<string, string> | undefined,
    );
    if (reason) throw new AppError("FORBIDDEN", `DriverOpts: only an admin may ${reason}`);
    return;
  }
  const driver = str(body.Driver).toLowerCase();
  if (!OWN_NETWORK_DRIVERS.has(driver))
    throw new AppError(
      "FORBIDDEN",
      `Driver: only an admin may create a ${driver} network, which reaches the host's own network`,
    );
}

/** A body Wharf checks: read whole (it is then sent on as read), and parsed. */
async function readCheckedBody(call: Call, req: IncomingMessage): Promise<Record<string, unknown>> {
  call.body = await readBody(req);
  return jsonBody(call.body);
}

/** What a label-scoped token creates carries its label; the refusal says the CLI flag to add. */
const requireTeamLabel = (p: Principal, body: Record<string, unknown>) =>
  requireLabelsInScope(
    p,
    body.Labels as Record<string, string> | undefined,
    "Labels",
    `add --label ${p.scope.labelSelector ?? ""}`,
  );

/** Checks what a body asks for, as the create form does, before the engine sees it. */
async function checkBody(ctx: AppContext, call: Call, req: IncomingMessage): Promise<void> {
  const { p, host, policy } = call;
  const url = new URL(call.path, "http://engine.invalid");
  switch (policy.check) {
    case "container-create": {
      const body = await readCheckedBody(call, req);
      requireTeamLabel(p, body);
      await requireCreateBodyInScope(ctx.imageOwners, host, p, body);
      requireHostAccessAllowed(p, [...hostAccessSettings(body), ...(await hostBackedVolumes(host, body))]);
      return;
    }
    case "exec-create": {
      if ((await readCheckedBody(call, req)).Privileged === true && !roleAllows(p.role, "admin"))
        throw new AppError(
          "FORBIDDEN",
          "Privileged: a privileged exec is root on the host; only an admin may ask for it",
        );
      return;
    }
    case "build": {
      if (/^host$/i.test(url.searchParams.get("networkmode") ?? "") && !roleAllows(p.role, "admin"))
        throw new AppError("FORBIDDEN", "networkmode: a build on the host's network is for admins only");
      if (!isLabelScoped(p)) return;
      // As on the Images page: every name it takes checked, and the image recorded as the team's.
      const names = url.searchParams.getAll("t").map((t) => taggedName(t));
      for (const name of names) await requireNameAvailable(ctx.imageOwners, host, p, name, "t");
      call.records = { how: "build", names };
      return;
    }
    case "image-write": {
      if (!isLabelScoped(p)) return;
      const key = call.matched.key;
      const repo = url.searchParams.get("repo");
      const named = repo ? taggedName(repo, url.searchParams.get("tag")) : undefined;
      if (key === "POST /images/create") {
        // A pull: not over a name another team's image holds, and recorded as theirs.
        const name = requirePullName(url);
        await requireNameAvailable(ctx.imageOwners, host, p, name, "fromImage");
        call.records = { how: "pull", name };
        return;
      }
      if (key === "POST /commit" || key === "POST /images/{name}/tag") {
        // The container or image is the team's already (resolved in scope); the new name must be free.
        if (named) await requireNameAvailable(ctx.imageOwners, host, p, named, "repo");
        if (key === "POST /commit") call.records = { how: "commit" };
        return;
      }
      return imageWrite(p);
    }
    case "volume-create":
    case "network-create": {
      const body = await readCheckedBody(call, req);
      requireTeamLabel(p, body);
      if (!roleAllows(p.role, "admin")) requireNoHostReach(policy.check, body);
      return;
    }
    case "network-connect": {
      await containerInScope(host, (await readCheckedBody(call, req)).Container, p, "Container");
      return;
    }
    case undefined:
      return;
  }
}

/** Resolves the object the call names inside the principal's scope; a miss is the engine's own 404 text. */
async function resolveTarget(ctx: AppContext, call: Call, hostId: string, method: string): Promise<void> {
  const { p, host, matched, policy } = call;
  const ref = matched.ref ?? "";
  if (policy.scope === "exec") {
    if (!isLabelScoped(p)) return;
    const exec = await dial<{ ContainerID?: string }>(host, {
      path: `/exec/${encodeURIComponent(ref)}/json`,
      method: "GET",
      statusCodes: { ...OK, 404: `No such exec instance: ${ref}` },
    });
    try {
      await containerInScope(host, exec.ContainerID, p);
    } catch (err) {
      // Another team's container: the exec is as unknown as one that does not exist.
      if (err instanceof AppError && err.code === "NOT_FOUND")
        throw new AppError("NOT_FOUND", `No such exec instance: ${ref}`, { hostId });
      throw err;
    }
    return;
  }
  if (policy.scope === "commit") {
    const url = new URL(call.path, "http://engine.invalid");
    const id = await containerInScope(host, url.searchParams.get("container") ?? "", p, "container");
    url.searchParams.set("container", id);
    call.path = url.pathname + url.search;
    return;
  }
  const changes = method !== "GET" && method !== "HEAD";
  const resolved = await resolveScope(ctx, p, policy.scope, { hostId, id: ref, name: ref }, changes);
  // A label scope resolved the name to a full id: the engine is asked for exactly that container.
  if (policy.scope === "container" && resolved.container && resolved.container !== ref) {
    const url = new URL(call.path, "http://engine.invalid");
    const version = VERSION_PREFIX.exec(url.pathname)?.[0] ?? "";
    call.path = version + matched.withRef(resolved.container) + url.search;
  }
}

const HOP_BY_HOP = new Set(["authorization", "cookie", "host", "proxy-authorization", "x-wharf-csrf"]);

function engineHeaders(h: IncomingHttpHeaders, body?: Buffer): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  if (body) {
    delete out["transfer-encoding"];
    out["content-length"] = String(body.length);
  }
  return out;
}

function statusLine(status: number, message: string | undefined, headers: IncomingHttpHeaders): string {
  const lines = [`HTTP/1.1 ${status} ${message ?? ""}`];
  for (const [k, v] of Object.entries(headers))
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) lines.push(`${k}: ${one}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/**
 * Joins the client's socket and the engine's both ways. The client's half-close (stdin done) is
 * passed on as one, as `docker attach` expects; a client gone altogether takes the engine's
 * connection with it. `left` is told when the client ends its side while the engine's is open: a
 * killed CLI's socket closes with the same FIN as a CLI whose input ended.
 */
function splice(client: Duplex, engine: Duplex, left: () => void): void {
  client.pipe(engine);
  engine.pipe(client);
  let engineClosed = false;
  let told = false;
  const leave = () => {
    if (engineClosed || told) return;
    told = true;
    left();
  };
  const stop = () => {
    client.destroy();
    engine.destroy();
  };
  client.on("error", stop);
  engine.on("error", stop);
  client.on("end", leave);
  engine.on("close", () => {
    engineClosed = true;
    client.end();
  });
  client.on("close", () => {
    leave();
    engine.destroy();
  });
}

/**
 * A `docker run -it --rm` whose client left: the engine keeps such a container running with nobody
 * attached, since the end of the attach stream does not end a TTY's input, and a CLI on a terminal
 * only ends its input when it is gone. The container was made to live for that session only, so it
 * is killed, and the engine removes it. Without a TTY the engine closes the program's input itself.
 */
async function endOrphanedRun(host: HostConnection, id: string): Promise<void> {
  const c = await dial<{
    Config?: { OpenStdin?: boolean; StdinOnce?: boolean; Tty?: boolean };
    HostConfig?: { AutoRemove?: boolean };
  }>(host, {
    path: `/containers/${encodeURIComponent(id)}/json`,
    method: "GET",
    statusCodes: { ...OK, 404: "gone" },
  });
  if (!c.HostConfig?.AutoRemove || !c.Config?.Tty || !c.Config.OpenStdin || !c.Config.StdinOnce) return;
  await dial(host, {
    path: `/containers/${encodeURIComponent(id)}/kill`,
    method: "POST",
    statusCodes: { ...OK, 404: "gone", 409: "not running" },
  });
}

/** Sends the call on to the engine and its answer back, filtered where a label scope needs it. */
function forward(
  ctx: AppContext,
  call: Call,
  req: IncomingMessage,
  sink: Sink,
  done: (status: number) => void,
): void {
  const wire = engineWire(call.host);
  const upstream = wire.request({
    ...wire.options,
    method: req.method,
    path: call.path,
    headers: engineHeaders(req.headers, call.body),
  });
  const fail = (err: unknown) => {
    const message = `engine on ${call.host.spec.id} did not answer: ${err instanceof Error ? err.message : String(err)}`;
    done(HTTP_STATUS.ENGINE_UNREACHABLE);
    sendReply(sink, { status: HTTP_STATUS.ENGINE_UNREACHABLE, message });
  };
  upstream.on("error", fail);

  upstream.on("upgrade", (eres, esock, ehead) => {
    done(eres.statusCode ?? 101);
    if (!("socket" in sink)) return void esock.destroy();
    sink.socket.write(statusLine(eres.statusCode ?? 101, eres.statusMessage, eres.headers));
    if (ehead.length) sink.socket.write(ehead);
    if (sink.head.length) esock.write(sink.head);
    const attached = call.matched.key === "POST /containers/{id}/attach" ? call.matched.ref : undefined;
    splice(sink.socket, esock, () => {
      if (attached)
        endOrphanedRun(call.host, attached).catch((err: unknown) =>
          console.error(
            `[docker-api] ${call.host.spec.id}: could not end ${attached} after its client went: ${String(err)}`,
          ),
        );
    });
  });

  upstream.on("response", (eres) => {
    const status = eres.statusCode ?? 502;
    done(status);
    if ("socket" in sink) {
      // Asked to hijack, answered plainly (an error, or an engine that does not upgrade).
      sink.socket.write(statusLine(status, eres.statusMessage, { ...eres.headers, connection: "close" }));
      eres.pipe(sink.socket);
      return;
    }
    const { res } = sink;
    const list = call.policy.list;
    res.on("close", () => eres.destroy());
    if (!list || !isLabelScoped(call.p) || status !== 200) {
      res.writeHead(status, eres.statusMessage, eres.headers);
      // A streamed answer's headers go out at once: the CLI waits on them (wait, events, logs -f).
      res.flushHeaders();
      if (call.records && status < 300)
        eres.pipe(recordingImage(ctx.imageOwners, call.host, call.p, call.records)).pipe(res);
      else eres.pipe(res);
      return;
    }
    if (list === "events") {
      res.writeHead(status, eres.statusMessage, eres.headers);
      res.flushHeaders();
      eres.pipe(eventFilter(call.p)).pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    eres.on("data", (c: Buffer) => chunks.push(c));
    eres.on("end", () => {
      void filterList(list, Buffer.concat(chunks).toString("utf8"), call.p, call.host, ctx.imageOwners)
        .then((body) => {
          const headers = { ...eres.headers, "content-length": String(Buffer.byteLength(body)) };
          delete headers["transfer-encoding"];
          res.writeHead(status, eres.statusMessage, headers);
          res.end(body);
        })
        .catch((err: unknown) => sendReply(sink, asReply(err, call.host.spec.id)));
    });
  });

  if ("res" in sink) sink.res.on("close", () => upstream.destroy());
  if (call.body) upstream.end(call.body);
  else if ("res" in sink) req.pipe(upstream);
  else upstream.end();
}

/**
 * The body of a request asking to be hijacked (exec start's JSON): node hands over such a request
 * unparsed, its body in `head` and the bytes after it. What follows the body is the stream itself.
 */
function upgradeBody(
  req: IncomingMessage,
  sink: { socket: Duplex; head: Buffer },
): Promise<Buffer | undefined> {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!Number.isSafeInteger(length) || length <= 0) return Promise.resolve(undefined);
  if (length > BODY_LIMIT) return Promise.reject(new AppError("VALIDATION", "body: larger than 4 MiB"));
  return new Promise((resolve, reject) => {
    let got = sink.head;
    const settle = () => {
      if (got.length < length) return false;
      sink.socket.off("data", onData);
      sink.socket.off("error", reject);
      sink.socket.pause();
      sink.head = got.subarray(length);
      resolve(got.subarray(0, length));
      return true;
    };
    const onData = (c: Buffer) => {
      got = Buffer.concat([got, c]);
      settle();
    };
    if (settle()) return;
    sink.socket.on("data", onData);
    sink.socket.once("error", reject);
  });
}

async function serve(ctx: AppContext, req: IncomingMessage, url: URL, sink: Sink): Promise<void> {
  const m = ENDPOINT.exec(url.pathname);
  let hostId = "";
  let audit: ((status: number, error?: string) => void) | undefined;
  try {
    hostId = decodeURIComponent(m?.[1] ?? "");
    const p = authenticate(ctx, req);
    const host = hostInScope(ctx, p, hostId);
    const rest = m?.[2] || "/";
    const apiPath = rest.replace(VERSION_PREFIX, "");
    const method = req.method ?? "GET";
    const matched = matchCall(method, apiPath);
    if (!matched)
      throw new AppError(
        "FORBIDDEN",
        `Wharf does not pass ${method} ${apiPath} through: it is not in the endpoint's policy table`,
      );
    if (isRefused(matched.policy)) throw new AppError("FORBIDDEN", matched.policy.refused);
    const policy = matched.policy;
    // `docker inspect NAME` asks every kind of object in turn: one a label scope cannot reach at all
    // (a plugin, a swarm node or service) is simply not there for it.
    if (policy.scope === "whole-host" && matched.ref !== undefined && isLabelScoped(p))
      throw new AppError("NOT_FOUND", `No such object: ${matched.ref}`);
    requirePermission(p, policy.access);
    const call: Call = { p, host, matched, policy, path: rest + url.search };
    if ((method !== "GET" && method !== "HEAD") || policy.audited) {
      audit = (status, error) =>
        ctx.audit.record({
          user: p.name,
          ip: clientIp(req),
          hostId,
          ...(matched.ref ? { target: matched.ref } : {}),
          action: `docker ${matched.key}`,
          params: { path: apiPath, ...(url.search ? { query: url.search.slice(1) } : {}) },
          result: status < 400 ? "ok" : "error",
          ...(error ? { error } : status >= 400 ? { error: `engine answered ${status}` } : {}),
        });
    }
    await resolveTarget(ctx, call, hostId, method);
    if ("socket" in sink) {
      // A body Wharf checks is never carried on a hijacked connection, where it could not be.
      if (policy.check)
        throw new AppError("VALIDATION", `${method} ${apiPath} does not upgrade: send it without Upgrade`);
      const body = await upgradeBody(req, sink);
      if (body) call.body = body;
    } else await checkBody(ctx, call, req);
    const record = audit;
    audit = undefined;
    forward(ctx, call, req, sink, (status) => record?.(status));
  } catch (err) {
    const r = asReply(err, hostId || undefined);
    audit?.(r.status, r.message);
    sendReply(sink, r);
  }
}

/**
 * The Docker Engine API of each host, for the docker CLI and any Docker client, behind Wharf's API
 * tokens, roles, scopes and audit (docs/docker-endpoint.md).
 */
export function createDockerEndpoint(ctx: AppContext) {
  return {
    matches: (pathname: string) => ENDPOINT.test(pathname),
    handle: (req: IncomingMessage, res: ServerResponse, url: URL) => void serve(ctx, req, url, { res }),
    /** A request asking for `Upgrade: tcp` (attach, exec start): answered on its raw socket. */
    upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) =>
      void serve(ctx, req, url, { socket, head }),
  };
}
