"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ApiError } from "@/components/api/client";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { COMMAND_TIMEOUT_MS } from "@/components/hooks/useSocketCommand";
import { sendCommand } from "@/lib/realtime/ack";

export type ExecStatus = "idle" | "starting" | "open" | "ended";

export interface ExecState {
  status: ExecStatus;
  /** Why the last start failed or the session ended abnormally, in the server's words. */
  error?: string;
  errorCode?: string;
  exitCode?: number | null;
}

export interface ExecHandlers {
  onOutput(data: string): void;
  onExit?(e: { exitCode: number | null; error?: string }): void;
}

type OutputEvent = { sessionId: string; data: string };
type ExitEvent = { sessionId: string; exitCode: number | null; error?: string };
type Early = { output?: OutputEvent; exit?: ExitEvent };

export interface ExecStartRequest {
  cmd?: string[];
  user?: string;
  workingDir?: string;
  cols: number;
  rows: number;
}

/**
 * One exec session over the shared socket. Output and exit are matched by session id; the session
 * is closed when the component unmounts, and the server ends it anyway when the socket goes.
 */
export function useExecSession(hostId: string, containerId: string, handlers: ExecHandlers) {
  const { socket, connected } = useRealtime();
  const t = useTranslations("ui.exec");
  const [state, setState] = useState<ExecState>({ status: "idle" });
  const sessionRef = useRef<string | undefined>(undefined);
  /** Bumped by every start and close, so a start that was overtaken closes what it opened. */
  const generation = useRef(0);
  /**
   * Events that arrive while a start awaits its acknowledgement: the socket may hand them over in the
   * same tick as the acknowledgement, before the code awaiting it has learned the session id.
   */
  const early = useRef<Early[] | null>(null);
  const handlersRef = useRef(handlers);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
  });

  const onExit = useCallback((e: ExitEvent) => {
    if (e.sessionId !== sessionRef.current) return;
    sessionRef.current = undefined;
    setState({ status: "ended", exitCode: e.exitCode, ...(e.error ? { error: e.error } : {}) });
    handlersRef.current.onExit?.(e);
  }, []);

  useEffect(() => {
    if (!socket) return;
    const onOutput = (e: OutputEvent) => {
      if (e.sessionId === sessionRef.current) handlersRef.current.onOutput(e.data);
      else early.current?.push({ output: e });
    };
    const onExitEvent = (e: ExitEvent) => {
      if (e.sessionId === sessionRef.current) onExit(e);
      else early.current?.push({ exit: e });
    };
    socket.on("exec:output", onOutput);
    socket.on("exec:exit", onExitEvent);
    return () => {
      socket.off("exec:output", onOutput);
      socket.off("exec:exit", onExitEvent);
    };
  }, [socket, onExit]);

  // The server ended every session of a socket that dropped; a new socket cannot pick it up again.
  useEffect(() => {
    if (connected || !sessionRef.current) return;
    sessionRef.current = undefined;
    setState({ status: "ended", exitCode: null, error: t("connectionLost") });
  }, [connected, t]);

  const close = useCallback(() => {
    generation.current++;
    const id = sessionRef.current;
    sessionRef.current = undefined;
    if (id && socket?.connected) socket.emit("exec:close", { sessionId: id }, () => undefined);
  }, [socket]);

  useEffect(() => close, [close, hostId, containerId]);

  const start = useCallback(
    async (req: ExecStartRequest) => {
      close();
      const mine = generation.current;
      setState({ status: "starting" });
      early.current = [];
      try {
        if (!socket) throw new ApiError(0, "ENGINE_UNREACHABLE", t("notConnected"));
        const res = await sendCommand(
          socket,
          "exec:start",
          { hostId, containerId, ...req },
          COMMAND_TIMEOUT_MS,
        );
        if (!res.ok) throw new ApiError(0, res.error.code, res.error.message, res.error.details);
        const { sessionId } = res.data;
        const caught = early.current ?? [];
        early.current = null;
        if (generation.current !== mine) {
          socket?.emit("exec:close", { sessionId }, () => undefined);
          return;
        }
        sessionRef.current = sessionId;
        setState({ status: "open" });
        for (const e of caught) {
          if (e.output?.sessionId === sessionId) handlersRef.current.onOutput(e.output.data);
          if (e.exit?.sessionId === sessionId) onExit(e.exit);
        }
      } catch (err) {
        early.current = null;
        if (generation.current !== mine) return;
        const e = err instanceof ApiError ? err : undefined;
        setState({
          status: "idle",
          error: err instanceof Error ? err.message : String(err),
          ...(e ? { errorCode: e.code } : {}),
        });
      }
    },
    [close, onExit, socket, hostId, containerId, t],
  );

  const input = useCallback(
    (data: string) => {
      const id = sessionRef.current;
      // Never awaited: a keystroke must not wait on the one before, and socket.io keeps them in order.
      if (id && socket?.connected) socket.emit("exec:input", { sessionId: id, data }, () => undefined);
    },
    [socket],
  );

  const resize = useCallback(
    (cols: number, rows: number) => {
      const id = sessionRef.current;
      if (id && socket?.connected) socket.emit("exec:resize", { sessionId: id, cols, rows }, () => undefined);
    },
    [socket],
  );

  const stop = useCallback(() => {
    close();
    setState({ status: "ended", exitCode: null });
  }, [close]);

  return { ...state, start, input, resize, stop };
}
