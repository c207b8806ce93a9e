import { messageOf } from "../../../lib/errors";
import type { EngineEventItem } from "../../../lib/system";
import { DISK_USAGE_MAX_AGE_MS, walkDiskUsage } from "../disk-usage";
import type { NetworkInspect, VolumeList } from "../engine-types";
import type { HostConnection } from "../host-connection";
import { fetchEngineNetworks } from "../networks";
import type { RawDf } from "../system-df";
import { fetchVolumeList } from "../volumes";
import { engineContainerSource } from "./container-source";
import { EventMemo } from "./event-memo";
import { LiveContainers, type LiveTiming } from "./live-containers";

/** A host's objects as held in memory, following its event stream. */
export interface HostLive {
  containers: LiveContainers;
  volumes: EventMemo<VolumeList>;
  networks: EventMemo<NetworkInspect[]>;
  /** `/system/df`: what image and volume lists take their sizes from. */
  diskUsage: EventMemo<RawDf>;
}

export function createHostLive(host: HostConnection, timing: LiveTiming): HostLive {
  return {
    containers: new LiveContainers(engineContainerSource(host), timing, (err) =>
      console.warn(`[live] ${host.spec.id}: container list refresh failed: ${messageOf(err)}`),
    ),
    volumes: new EventMemo(() => fetchVolumeList(host)),
    networks: new EventMemo(() => fetchEngineNetworks(host)),
    diskUsage: new EventMemo(() => walkDiskUsage(host), DISK_USAGE_MAX_AGE_MS),
  };
}

const memos = (live: HostLive) => [live.volumes, live.networks, live.diskUsage];

/** The event stream opened: reconcile the containers, and start keeping answers. */
export function streamOpened(live: HostLive): void {
  live.containers.open();
  for (const m of memos(live)) m.follow(true);
}

/** The stream closed; when the host is down, what it held is dropped, never served as if live. */
export function streamClosed(live: HostLive, hostDown: boolean): void {
  live.containers.close(hostDown);
  for (const m of memos(live)) m.follow(false);
}

/** Image actions after which a container's listed image may read differently (a tag moved or went away). */
const RETAGGING = new Set(["tag", "untag", "delete", "pull", "load", "import"]);
/** Network actions that change the network list itself (connect and disconnect do not). */
const NETWORK_LIST = new Set(["create", "destroy", "remove", "update"]);

/** Drops what an engine event (other than a container's own refresh) makes out of date. */
export function engineEventSeen(live: HostLive, e: EngineEventItem): void {
  switch (e.type) {
    case "image":
      live.diskUsage.invalidate();
      if (RETAGGING.has(e.action)) live.containers.reconcileSoon();
      return;
    case "volume":
      if (e.action !== "mount" && e.action !== "unmount") live.volumes.invalidate();
      live.diskUsage.invalidate();
      return;
    case "network":
      if (NETWORK_LIST.has(e.action)) live.networks.invalidate();
      // A container's list item carries its networks: one that joined or left is refreshed.
      if (e.attributes.container) live.containers.apply(e.attributes.container);
      return;
    case "container":
      // Counted by disk usage: a container's size, the volumes it holds, and images it commits.
      if (e.action === "create" || e.action === "destroy" || e.action === "commit")
        live.diskUsage.invalidate();
      return;
  }
}
