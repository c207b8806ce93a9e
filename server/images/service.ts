import type { RegistryStore } from "../registries/registry-store";
import { JobManager } from "./jobs";
import { UpdateChecker } from "./updates";

/** One job manager and one update cache per running Wharf, shared by the REST routes and the socket module. */
export interface ImageServices {
  jobs: JobManager;
  updates: UpdateChecker;
}

export function createImageServices(registries: RegistryStore): ImageServices {
  return { jobs: new JobManager(), updates: new UpdateChecker(registries) };
}
