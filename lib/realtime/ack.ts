import type { Result } from "../errors";
import type { ClientCommand, CommandPayload, CommandResult } from "./events";

/** The part of a socket.io client socket a command needs; both the browser and Node clients fit. */
export interface AckSocket {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/**
 * Sends one typed command and resolves with the server's reply. socket.io types a timed
 * emitWithAck's reply as `any`; the command table in events.ts is what fixes its shape.
 */
export function sendCommand<K extends ClientCommand>(
  socket: AckSocket,
  event: K,
  payload: CommandPayload<K>,
  timeoutMs: number,
): Promise<Result<CommandResult<K>>> {
  // Called on the socket itself: emitWithAck needs its `this`.
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Result<CommandResult<K>>>;
}
