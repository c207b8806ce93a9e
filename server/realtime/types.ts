import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/events";
import type { Principal } from "../auth/principal";

export interface SocketData {
  principal: Principal;
}

export type WharfIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type WharfSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
