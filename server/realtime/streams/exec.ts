import { AppError } from "../../../lib/errors";
import { execCloseSchema, execInputSchema, execResizeSchema, execStartSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import type { RealtimeModule } from "../commands";
import type { WharfIo } from "../types";

const notYet = async (): Promise<never> => {
  throw new AppError("CONFLICT", "the exec terminal is not available in this version of Wharf yet");
};

/** Interactive exec sessions that end their process inside the container when the socket goes. */
export function createExecModule(
  _app: AppContext,
  _io: WharfIo,
): RealtimeModule<"exec:start" | "exec:input" | "exec:resize" | "exec:close"> {
  return {
    commands: {
      "exec:start": { permission: "operate", schema: execStartSchema, handler: notYet },
      "exec:input": { permission: "operate", schema: execInputSchema, handler: notYet },
      "exec:resize": { permission: "operate", schema: execResizeSchema, handler: notYet },
      "exec:close": { permission: "operate", schema: execCloseSchema, handler: notYet },
    },
  };
}
