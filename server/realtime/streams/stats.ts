import { AppError } from "../../../lib/errors";
import { containerRefPayloadSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import type { RealtimeModule } from "../commands";
import type { WharfIo } from "../types";

const notYet = async (): Promise<never> => {
  throw new AppError("CONFLICT", "live stats are not available in this version of Wharf yet");
};

/** Shared upstream stats streams per container. */
export function createStatsModule(
  _app: AppContext,
  _io: WharfIo,
): RealtimeModule<"stats:subscribe" | "stats:unsubscribe"> {
  return {
    commands: {
      "stats:subscribe": { permission: "read", schema: containerRefPayloadSchema, handler: notYet },
      "stats:unsubscribe": { permission: "read", schema: containerRefPayloadSchema, handler: notYet },
    },
  };
}
