import { performance } from "node:perf_hooks";
import { observeSocketCommand } from "../telemetry/instruments";
import type { z } from "zod";
import type { ErrorBody } from "../../lib/errors";
import type { Permission } from "../../lib/permissions";
import type { ClientCommand, CommandPayload, CommandResult } from "../../lib/realtime/events";
import { validationError } from "../../lib/parse";
import { requirePermission, type Principal } from "../auth/principal";
import type { AppContext } from "../context";
import {
  COMMAND_SCOPES,
  resolveCommandScope,
  type CommandScope,
  type ContainerTarget,
} from "../scope/declared";
import type { WharfIo, WharfSocket } from "./types";
import type { HostConnection } from "../engines/host-connection";
import type { EngineService } from "../swarm/engine-types";
import { serviceInScope } from "../swarm/service-scope";
import { toAppError } from "../errors";
import { isOneOf } from "../../lib/parse";

export interface CommandContext {
  app: AppContext;
  io: WharfIo;
  socket: WharfSocket;
  principal: Principal;
  /** The container a `container` command names, resolved in scope before the handler runs. */
  target?: ContainerTarget;
  /** The swarm service a `container` command names by `serviceId` instead, resolved in scope alike. */
  service?: ServiceTarget;
}

export interface ServiceTarget {
  host: HostConnection;
  service: EngineService;
}

/** The resolved container of a command that declares scope "container". */
export function targetOf(c: CommandContext): ContainerTarget {
  if (!c.target) throw new Error("the command declares no container scope");
  return c.target;
}

export interface CommandDef<K extends ClientCommand> {
  permission: Permission;
  /** What the command touches; see server/scope/declared. */
  scope: CommandScope;
  schema: z.ZodType<CommandPayload<K>>;
  handler: (c: CommandContext, payload: CommandPayload<K>) => CommandResult<K> | Promise<CommandResult<K>>;
}

export type CommandTable = { [K in ClientCommand]: CommandDef<K> };

/** One stream family (stats, logs, exec): its commands and its cleanup when a socket leaves. */
export interface RealtimeModule<K extends ClientCommand> {
  commands: { [P in K]: CommandDef<P> };
  onDisconnect?(socket: WharfSocket): void;
  /** Server shutdown: end what runs on the engines' side; awaited, within a deadline. */
  close?(): void | Promise<unknown>;
}

const toErrorBody = (err: unknown, event: string): ErrorBody =>
  toAppError(err, { log: `[realtime] ${event}` }).toBody();

/**
 * The one wrapper every command goes through: it re-reads the principal (role and scope changes
 * apply at once), checks the permission, validates the payload, catches every error, and always
 * acknowledges when the client asked for an acknowledgement.
 */
export function bindCommands(app: AppContext, io: WharfIo, socket: WharfSocket, table: CommandTable): void {
  for (const event of Object.keys(table) as ClientCommand[]) {
    const def = table[event] as CommandDef<ClientCommand>;
    // A command that declares no scope does not register, as a route without one does not.
    if (!isOneOf(COMMAND_SCOPES, def.scope))
      throw new Error(`socket command ${event} declares no scope of ${COMMAND_SCOPES.join(", ")}`);
    socket.on(event, async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      const started = performance.now();
      try {
        const principal = socket.data.principal;
        requirePermission(principal, def.permission);
        const parsed = def.schema.safeParse(payload);
        if (!parsed.success) throw validationError(parsed.error);
        const { host, container, service } = await resolveCommandScope(
          app,
          principal,
          def.scope,
          parsed.data,
        );
        const svc =
          host && service !== undefined
            ? { host, service: await serviceInScope(host, principal, service) }
            : undefined;
        const data = await def.handler(
          {
            app,
            io,
            socket,
            principal,
            ...(container ? { target: container } : {}),
            ...(svc ? { service: svc } : {}),
          },
          parsed.data,
        );
        reply({ ok: true, data: data ?? null });
        observeSocketCommand(event, true, started);
      } catch (err) {
        reply({ ok: false, error: toErrorBody(err, event) });
        observeSocketCommand(event, false, started);
      }
    });
  }
}
