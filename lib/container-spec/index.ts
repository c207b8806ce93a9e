/** The create / recreate form model and its conversions: what the UI and the server share. */
export type * from "./types";
export type * from "./api-types";
export { emptySpec, parseEnvText, parseRestart, formatRestart, specChanges, RESTART_POLICIES } from "./spec";
export { DockerRunParseError, parseDockerRun, specToDockerRun } from "./docker-run";
export { specToCreateBody, isUserNetwork, type CreateConfig, type CreateRequest } from "./create-body";
export { inspectToSpec, type ImageDefaults } from "./inspect";
export { outsideFormFlags } from "./outside-form";
export {
  hostAccessSettings,
  hostAccessRefusal,
  namedVolumes,
  volumeHostAccess,
  type HostAccessSetting,
} from "./host-access";
export {
  createConfigSchema,
  createRequestSchema,
  recreateRequestSchema,
  containerNameSchema,
  type CreateContainerRequest,
  type RecreateContainerRequest,
} from "./create-schema";
export { parsePortSpec, formatPortSpec } from "./ports";
export {
  parseVolumeSpec,
  formatVolumeSpec,
  parseMountFlag,
  parseTmpfsSpec,
  VOLUME_MODE_FLAGS,
} from "./mounts";
export { parseDuration, formatDuration, bytesFlag, cpusFlag } from "./values";
