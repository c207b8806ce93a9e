import type { AppContext } from "../context";
import { Router } from "./router";
import { registerAccessRoutes } from "./routes/access";
import { registerAuthRoutes } from "./routes/auth";
import { registerContainerRoutes } from "./routes/containers";
import { registerHostRoutes } from "./routes/hosts";
import { registerQuotaRoutes } from "./routes/quotas";
import { registerSystemRoutes } from "./routes/system";
import { registerRegistryRoutes } from "./routes/registries";
import { registerUserRoutes } from "./routes/users";

export function buildRouter(ctx: AppContext): Router {
  const router = new Router();
  registerSystemRoutes(router, ctx);
  registerAuthRoutes(router, ctx);
  registerHostRoutes(router, ctx);
  registerContainerRoutes(router, ctx);
  registerQuotaRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerAccessRoutes(router, ctx);
  registerRegistryRoutes(router, ctx);
  return router;
}
