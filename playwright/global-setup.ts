import { docker, removeE2eContainers } from "./engines";

export default function globalSetup(): () => void {
  removeE2eContainers();
  docker("local", "run", "-d", "--network", "none", "--name", "e2e-ticker", "local/ticker:1");
  return () => removeE2eContainers();
}
