"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/api/client";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { sendCommand } from "@/lib/realtime/ack";
import type { ClientCommand, CommandPayload, CommandResult } from "@/lib/realtime/events";

export const COMMAND_TIMEOUT_MS = 15_000;

/** Sends a typed socket command and resolves with its data, or rejects with the server's error. */
export function useSocketCommand() {
  const { socket } = useRealtime();
  const t = useTranslations("ui.exec");
  return useCallback(
    async <K extends ClientCommand>(event: K, payload: CommandPayload<K>): Promise<CommandResult<K>> => {
      if (!socket) throw new ApiError(0, "ENGINE_UNREACHABLE", t("notConnected"));
      const res = await sendCommand(socket, event, payload, COMMAND_TIMEOUT_MS);
      if (!res.ok) throw new ApiError(0, res.error.code, res.error.message, res.error.details);
      return res.data;
    },
    [socket, t],
  );
}
