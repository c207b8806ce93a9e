/** Compose stacks: the loader, its start order and the keys it supports. */
export { loadCompose } from "./load";
export { findCycle, serviceDependencies, serviceWaves, type ServiceDependency } from "./graph";
export { parseEnvFile, type EnvFile } from "./env-file";
export {
  SUPPORTED_KEYS,
  SWARM_SUPPORTED_KEYS,
  supportedKeys,
  type KeyLevel,
  type SwarmKeyLevel,
} from "./supported";
export { parseByteSize, parseDuration } from "./units";
export * from "./model";
