import type { EngineContainerEvent } from "../engines/engine-events";
import type { HostRegistry } from "../engines/host-registry";

/**
 * Restarts seen since Wharf began watching: a start that follows a death of the same container
 * (a restart policy, `docker restart`, a start after a crash). A first start is not a restart.
 */
export class RestartCounter {
  private readonly died = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly hosts: HostRegistry) {
    hosts.on("container", this.onContainer);
  }

  restarts(hostId: string, containerId: string): number {
    return this.counts.get(`${hostId}/${containerId}`) ?? 0;
  }

  close(): void {
    this.hosts.off("container", this.onContainer);
  }

  private readonly onContainer = (e: EngineContainerEvent) => {
    const key = `${e.hostId}/${e.containerId}`;
    if (e.action === "die") this.died.add(key);
    else if (e.action === "start" && this.died.delete(key))
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    else if (e.action === "destroy") {
      this.died.delete(key);
      this.counts.delete(key);
    }
  };
}
