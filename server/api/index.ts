import type { AppContext } from "../context";
import { Router } from "./router";
import { registerAuthRoutes } from "./routes/auth";
import { registerContainerRoutes } from "./routes/containers";
import { registerHostRoutes } from "./routes/hosts";
import { registerSystemRoutes } from "./routes/system";

export function buildRouter(ctx: AppContext): Router {
  const router = new Router();
  registerSystemRoutes(router, ctx);
  registerAuthRoutes(router, ctx);
  registerHostRoutes(router, ctx);
  registerContainerRoutes(router, ctx);
  return router;
}
