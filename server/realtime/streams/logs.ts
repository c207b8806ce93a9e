import { AppError } from "../../../lib/errors";
import { containerRefPayloadSchema, logsSubscribeSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import type { RealtimeModule } from "../commands";
import type { WharfIo } from "../types";

const notYet = async (): Promise<never> => {
  throw new AppError("CONFLICT", "live logs are not available in this version of Wharf yet");
};

/** One upstream follow stream per (container, options), batched to subscribers. */
export function createLogsModule(
  _app: AppContext,
  _io: WharfIo,
): RealtimeModule<"logs:subscribe" | "logs:unsubscribe"> {
  return {
    commands: {
      "logs:subscribe": { permission: "operate", schema: logsSubscribeSchema, handler: notYet },
      "logs:unsubscribe": { permission: "operate", schema: containerRefPayloadSchema, handler: notYet },
    },
  };
}
