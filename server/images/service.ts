import type { AppContext } from "../context";
import { JobManager } from "./jobs";
import { UpdateChecker } from "./updates";

export interface ImageServices {
  jobs: JobManager;
  updates: UpdateChecker;
}

const services = new WeakMap<AppContext, ImageServices>();

/** One job manager and one update cache per running Wharf, shared by the REST routes and the socket module. */
export function imageServices(ctx: AppContext): ImageServices {
  let s = services.get(ctx);
  if (!s) {
    s = { jobs: new JobManager(), updates: new UpdateChecker(ctx.registries) };
    services.set(ctx, s);
  }
  return s;
}
