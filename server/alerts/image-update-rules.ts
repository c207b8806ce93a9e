import type { Rule } from "../../lib/alerts";
import type { ImageUpdateStatus } from "../../lib/images/types";
import type { RegistryRecord } from "../../lib/types";
import { messageOf } from "../../lib/errors";
import { inspectContainer } from "../engines/containers";
import { isWharfProbe } from "../engines/disk-probe";
import type { HostConnection } from "../engines/host-connection";
import type { HostRegistry } from "../engines/host-registry";
import { inspectEngineImage } from "../engines/images";
import { UpdateChecker } from "../images/updates";
import type { RegistryStore } from "../registries/registry-store";
import { firingOf, ruleMatches, type AlertActions } from "./subjects";

export const DEFAULT_IMAGE_UPDATE_INTERVAL_MS = 10 * 60_000;

/** What a container runs: the reference it was created from and the image that reference gave. */
interface Running {
  ref: string;
  imageId: string;
}

/**
 * Image-update rules: once per interval, every running container in a rule's scope whose image came
 * from a registry configured in Wharf is checked against the digest the registry serves for its tag
 * now. A newer digest fires; the container running what the registry serves resolves (a recreated
 * container is a new one: the old one's alert resolves as it goes). A registry that does not answer
 * is a state of its own, said once in the log, and never an update.
 */
export class ImageUpdateRules {
  private lastRound = 0;
  private running?: Promise<void>;
  /** A container's reference and image never change: asked of the engine once per container. */
  private readonly runs = new Map<string, Promise<Running | undefined>>();
  private readonly unreachable = new Set<number>();
  private readonly checker: UpdateChecker;

  constructor(
    private readonly hosts: HostRegistry,
    private readonly registries: RegistryStore,
    private readonly act: AlertActions,
    private readonly intervalMs: number = DEFAULT_IMAGE_UPDATE_INTERVAL_MS,
  ) {
    // Its own cache, trusted for less than a round: the containers of one tag share an answer, and
    // each round asks the registry again.
    this.checker = new UpdateChecker(registries, { ttlMs: intervalMs / 2, concurrency: 4 });
  }

  check(rules: readonly Rule[], now: number): void {
    if (!rules.length || this.running || now - this.lastRound < this.intervalMs) return;
    this.lastRound = now;
    this.running = this.round(rules)
      .catch((err: unknown) => console.error("[alerts] image-update round failed:", messageOf(err)))
      .finally(() => (this.running = undefined));
  }

  /** Waits for a round in progress (shutdown, tests). */
  settle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async round(rules: readonly Rule[]): Promise<void> {
    const registries = this.registries.list();
    const seen = new Set<string>();
    for (const hostId of this.hosts.ids()) {
      const host = this.hosts.find(hostId);
      if (!host?.isUp || !host.live.containers.ready) continue;
      const images = new Map<string, Promise<string[]>>();
      for (const { summary: c } of [...host.live.containers.running()]) {
        const key = `${hostId}/${c.id}`;
        seen.add(key);
        if (isWharfProbe(c.labels)) continue;
        const mine = rules.filter((r) => ruleMatches(r.scope, hostId, c.labels));
        if (!mine.length || !registries.length) continue;
        const status = await this.statusOf(host, key, c.id, images, registries);
        if (!status) continue;
        const subject = { hostId, id: c.id, name: c.name, labels: c.labels };
        if (status.state === "available" && status.localDigest && status.remoteDigest) {
          const details = { image: status.ref, digest: status.remoteDigest, running: status.localDigest };
          for (const r of mine)
            this.act.fire(r, firingOf(subject, `the registry has a newer image for ${status.ref}`, details));
        } else if (status.state === "current") {
          for (const r of mine) {
            const open = this.act.store.openAlert(r.id, c.id);
            if (open) this.act.resolve(r, open);
          }
        }
      }
    }
    for (const k of this.runs.keys()) if (!seen.has(k)) this.runs.delete(k);
  }

  private async statusOf(
    host: HostConnection,
    key: string,
    id: string,
    images: Map<string, Promise<string[]>>,
    registries: RegistryRecord[],
  ): Promise<ImageUpdateStatus | undefined> {
    let run = this.runs.get(key);
    if (!run) {
      run = inspectContainer(host, id).then(
        (d) => {
          const ref = d.inspect.Config?.Image;
          const imageId = d.inspect.Image;
          return ref && imageId ? { ref, imageId } : undefined;
        },
        () => {
          this.runs.delete(key);
          return undefined;
        },
      );
      this.runs.set(key, run);
    }
    const r = await run;
    if (!r) return undefined;
    // A built image's digests change when it is pushed: asked once per image per round.
    let digests = images.get(r.imageId);
    if (!digests) {
      digests = inspectEngineImage(host, r.imageId).then(
        (i) => i.RepoDigests ?? [],
        () => [],
      );
      images.set(r.imageId, digests);
    }
    const status = await this.checker.forImage(
      { id: r.imageId, repoTags: [r.ref], repoDigests: await digests },
      registries,
    );
    if (status?.registryId !== undefined) this.noteReachable(status, registries);
    return status;
  }

  private noteReachable(s: ImageUpdateStatus, registries: RegistryRecord[]): void {
    const id = s.registryId as number;
    const name = registries.find((r) => r.id === id)?.name ?? String(id);
    if (s.state === "error" && !this.unreachable.has(id)) {
      this.unreachable.add(id);
      console.warn(`[alerts] registry "${name}" did not answer for image-update rules: ${s.message ?? "?"}`);
    } else if (s.state !== "error" && this.unreachable.delete(id))
      console.warn(`[alerts] registry "${name}" answers again for image-update rules`);
  }
}
