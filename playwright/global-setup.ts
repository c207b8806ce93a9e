import { docker, removeE2eContainers } from "./engines";
import { stopSwarmIfStarted } from "./swarm-cluster";

export default function globalSetup(): () => void {
  removeE2eContainers();
  docker("local", "run", "-d", "--network", "none", "--name", "e2e-ticker", "local/ticker:1");
  return () => {
    removeE2eContainers();
    // The swarm spec starts the cluster only when it runs; stopped here even when it failed midway.
    stopSwarmIfStarted();
  };
}
