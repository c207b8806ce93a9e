import type { AppContext } from "../context";
import { Router } from "./router";
import { registerAccessRoutes } from "./routes/access";
import { registerAuthRoutes } from "./routes/auth";
import { registerContainerCreateRoutes } from "./routes/container-create";
import { registerContainerRoutes } from "./routes/containers";
import { registerEngineSystemRoutes } from "./routes/engine-system";
import { registerHostRoutes } from "./routes/hosts";
import { registerImageRoutes } from "./routes/images";
import { registerLogRoutes } from "./routes/logs";
import { registerNetworkRoutes } from "./routes/networks";
import { registerQuotaRoutes } from "./routes/quotas";
import { registerRegistryRoutes } from "./routes/registries";
import { registerSystemRoutes } from "./routes/system";
import { registerUserRoutes } from "./routes/users";
import { registerVolumeRoutes } from "./routes/volumes";
import { registerStackRoutes } from "./routes/stacks";
import { registerJobRoutes } from "./routes/jobs";

export function buildRouter(ctx: AppContext): Router {
  const router = new Router();
  registerSystemRoutes(router, ctx);
  registerAuthRoutes(router, ctx);
  registerHostRoutes(router, ctx);
  registerContainerRoutes(router, ctx);
  registerContainerCreateRoutes(router, ctx);
  registerLogRoutes(router, ctx);
  registerQuotaRoutes(router, ctx);
  registerImageRoutes(router, ctx);
  registerRegistryRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerAccessRoutes(router, ctx);
  registerVolumeRoutes(router, ctx);
  registerNetworkRoutes(router, ctx);
  registerEngineSystemRoutes(router, ctx);
  registerStackRoutes(router, ctx);
  registerJobRoutes(router, ctx);
  return router;
}
