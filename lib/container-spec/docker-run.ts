export { DockerRunParseError, parseDockerRun } from "./docker-run-import";
export { specToDockerRun } from "./docker-run-export";
