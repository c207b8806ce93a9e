import type { z } from "zod";
import { AppError, type ErrorBody } from "../../lib/errors";
import { roleAllows, type Permission } from "../../lib/permissions";
import type { ClientCommand, CommandPayload, CommandResult } from "../../lib/realtime/events";
import { validationError } from "../api/http";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import type { WharfIo, WharfSocket } from "./types";

export interface CommandContext {
  app: AppContext;
  io: WharfIo;
  socket: WharfSocket;
  principal: Principal;
}

export interface CommandDef<K extends ClientCommand> {
  permission: Permission;
  schema: z.ZodType<CommandPayload<K>>;
  handler: (c: CommandContext, payload: CommandPayload<K>) => Promise<CommandResult<K>>;
}

export type CommandTable = { [K in ClientCommand]: CommandDef<K> };

/** One stream family (stats, logs, exec): its commands and its cleanup when a socket leaves. */
export interface RealtimeModule<K extends ClientCommand> {
  commands: { [P in K]: CommandDef<P> };
  onDisconnect?(socket: WharfSocket): void;
  /** Server shutdown: end what runs on the engines' side; awaited, within a deadline. */
  close?(): void | Promise<unknown>;
}

function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) return err.toBody();
  console.error("[realtime] command failed:", err);
  return { code: "INTERNAL", message: "internal error; see the server log" };
}

/**
 * The one wrapper every command goes through: it re-reads the principal (role and scope changes
 * apply at once), checks the permission, validates the payload, catches every error, and always
 * acknowledges when the client asked for an acknowledgement.
 */
export function bindCommands(app: AppContext, io: WharfIo, socket: WharfSocket, table: CommandTable): void {
  for (const event of Object.keys(table) as ClientCommand[]) {
    const def = table[event] as CommandDef<ClientCommand>;
    socket.on(event, (async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      try {
        const principal = socket.data.principal;
        if (!roleAllows(principal.role, def.permission)) {
          throw new AppError(
            "FORBIDDEN",
            `the ${principal.role} role may not do this (needs ${def.permission})`,
          );
        }
        const parsed = def.schema.safeParse(payload);
        if (!parsed.success) throw validationError(parsed.error);
        const data = await def.handler({ app, io, socket, principal }, parsed.data);
        reply({ ok: true, data: data ?? null });
      } catch (err) {
        reply({ ok: false, error: toErrorBody(err) });
      }
    }) as never);
  }
}
