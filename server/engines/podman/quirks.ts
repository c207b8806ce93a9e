import type { DisabledCapability, HostCapability } from "../../../lib/engine-kind";
import type { PodmanFacts } from "./detect";

/**
 * Every known way Podman's Docker-compatible API differs from Docker's, and what Wharf does about it.
 * docs/podman.md is generated from this table (scripts/gen-podman-doc.ts), and each entry names the
 * test in tests/integration/podman.test.ts that shows it on a real Podman host.
 */
export const QUIRK_IDS = [
  "stats-rate",
  "stats-cpu",
  "stats-name",
  "events-remove",
  "events-backend",
  "events-volume-id",
  "image-names",
  "image-short-names",
  "create-ulimits",
  "create-swappiness",
  "df-names",
  "df-layers",
  "engine-id",
  "state-refusal",
  "exec-resize-201",
  "exec-user",
  "update-endpoint",
  "pause-rootless-v1",
  "memory-rootless-v1",
  "logs",
  "exec",
  "archive",
] as const;
export type QuirkId = (typeof QUIRK_IDS)[number];

export const QUIRK_AREAS = [
  "stats",
  "events",
  "images",
  "create",
  "system",
  "lifecycle",
  "logs",
  "exec",
  "files",
] as const;
export type QuirkArea = (typeof QUIRK_AREAS)[number];

export type QuirkHandling =
  /** Wharf makes up for the difference; users see Docker's behaviour. */
  | { kind: "workaround"; how: string }
  /** Cannot be made to work: the action is disabled on the host, with this reason, when `applies`. */
  | { kind: "disabled"; capability: HostCapability; reason: string; applies: (f: PodmanFacts) => boolean }
  /** Checked against Podman and found to behave as Docker does; listed so that it stays checked. */
  | { kind: "same"; how: string };

export interface Quirk {
  id: QuirkId;
  area: QuirkArea;
  /** What Podman does differently. */
  differs: string;
  /**
   * "here": seen on the test host (Debian's Podman 4.3.1, rootful, runc, cgroup v1); "reported": known
   * from other set-ups (rootless, crun, cgroup v2, journald) and handled, but not reproducible there.
   */
  seen: "here" | "reported";
  handling: QuirkHandling;
}

/** The title every proving test starts with, so that each entry can be traced to its test. */
export const proofTitle = (id: QuirkId) => `quirk ${id}`;

export const PODMAN_QUIRKS = [
  {
    id: "stats-rate",
    seen: "here",
    area: "stats",
    differs: "GET /containers/{id}/stats?stream=1 sends one document every 5 s, not every second.",
    handling: {
      kind: "workaround",
      how: "Wharf reads one-shot stats (stream=false) once a second, one reader per container shared by every viewer.",
    },
  },
  {
    id: "stats-cpu",
    seen: "here",
    area: "stats",
    differs:
      "system_cpu_usage does not follow the host's CPU time, and precpu_stats of a reading is a millisecond old, so Docker's CPU formula gives 0 % or wild values.",
    handling: {
      kind: "workaround",
      how: "CPU % is the container's CPU time over the wall-clock time between two of Wharf's readings (one busy CPU = 100 %), in live charts and stored history alike.",
    },
  },
  {
    id: "stats-name",
    seen: "here",
    area: "stats",
    differs:
      'The stats document\'s "name" has no leading slash, so the docker CLI cuts its first letter ("t6" for "pt6").',
    handling: {
      kind: "workaround",
      how: "Wharf names containers from inspect and lists, never from the stats document.",
    },
  },
  {
    id: "events-remove",
    seen: "here",
    area: "events",
    differs:
      'A removed container is reported as "remove" (Docker: "destroy"); "init" and "cleanup" come on top of Docker\'s actions.',
    handling: {
      kind: "workaround",
      how: 'Wharf reads "remove" as "destroy", so lists, log and stats views and alerts see the removal; the extra actions only refresh the row.',
    },
  },
  {
    id: "events-backend",
    seen: "reported",
    area: "events",
    differs:
      'Events come from Podman\'s events logger: with events_logger = "none", or journald on a machine without journald, the stream stays silent or fails.',
    handling: {
      kind: "workaround",
      how: 'Wharf reopens a failed stream on its host checks and replays from its last event; a silent one cannot be told from a quiet host, so the host needs events_logger = "file" or a working journald (docs/podman.md).',
    },
  },
  {
    id: "events-volume-id",
    seen: "here",
    area: "events",
    differs:
      "A volume event leaves Actor.ID empty and names the volume in Actor.Attributes.name (Docker: Actor.ID is the volume's name).",
    handling: {
      kind: "workaround",
      how: "Wharf reads the name from the attributes, so the volume list follows volumes made and removed outside Wharf as with Docker.",
    },
  },
  {
    id: "image-names",
    seen: "here",
    area: "images",
    differs:
      "Image lists qualify every name: local/busybox:1.35 is listed as docker.io/local/busybox:1.35, busybox as docker.io/library/busybox.",
    handling: {
      kind: "workaround",
      how: "Wharf lists images under Docker's short names; Podman resolves the short names to the same images.",
    },
  },
  {
    id: "image-short-names",
    seen: "here",
    area: "images",
    differs:
      "A short name is looked up locally under localhost/ as well (ref/busybox:1 finds localhost/ref/busybox:1), but localhost/local/busybox:1.35 does not find docker.io/local/busybox:1.35 and is pulled from https://localhost instead.",
    handling: {
      kind: "workaround",
      how: "Wharf creates and recreates from the name the image list shows, which Podman resolves locally; it never adds localhost/ itself.",
    },
  },
  {
    id: "create-ulimits",
    seen: "here",
    area: "create",
    differs:
      'Inspect names ulimits as the kernel does ("RLIMIT_NOFILE"); create refuses those names ("invalid ulimit type"), so a recreate from inspect fails.',
    handling: {
      kind: "workaround",
      how: 'Create bodies sent to Podman name them as create wants ("nofile").',
    },
  },
  {
    id: "create-swappiness",
    seen: "reported",
    area: "create",
    differs:
      "Inspect reports MemorySwappiness 0 for a container that set none; sent back on a recreate, crun refuses it on cgroup v2.",
    handling: {
      kind: "workaround",
      how: "Create bodies sent to Podman leave MemorySwappiness unset unless it is a real choice (1 to 100).",
    },
  },
  {
    id: "df-names",
    seen: "here",
    area: "system",
    differs: 'GET /system/df lists images with their tag alone ("1.35") as RepoTags.',
    handling: {
      kind: "workaround",
      how: "Wharf takes the names for the disk-usage view from the image list.",
    },
  },
  {
    id: "df-layers",
    seen: "here",
    area: "system",
    differs: "GET /system/df answers LayersSize 0 and no shared sizes.",
    handling: {
      kind: "workaround",
      how: "The images' total is the sum of their sizes: an upper bound, since shared layers count once per image.",
    },
  },
  {
    id: "engine-id",
    seen: "here",
    area: "system",
    differs: "GET /info answers a new random ID on every call, so it identifies nothing.",
    handling: {
      kind: "workaround",
      how: "Wharf identifies hosts by their configured id, never by the engine's ID.",
    },
  },
  {
    id: "state-refusal",
    seen: "here",
    area: "lifecycle",
    differs:
      'An action the container\'s state forbids (pausing a stopped container, removing a running one) is answered 500 "container state improper" (Docker: 409).',
    handling: {
      kind: "workaround",
      how: "Wharf answers it as Docker's refusal: 409 CONFLICT with the engine's words, the container left as it was.",
    },
  },
  {
    id: "exec-resize-201",
    seen: "here",
    area: "exec",
    differs:
      "An exec resize that applied is answered 201 (Docker: 200), which the engine client takes for a failure.",
    handling: {
      kind: "workaround",
      how: "Wharf takes 201 to a resize as success, so the terminal resizes without an error.",
    },
  },
  {
    id: "exec-user",
    seen: "here",
    area: "exec",
    differs:
      'An exec as a user the container does not have is refused with 500 "unable to find user" when it starts (Docker: on the exec\'s stream).',
    handling: {
      kind: "workaround",
      how: "Wharf answers it as for Docker: a validation error naming the user field.",
    },
  },
  {
    id: "update-endpoint",
    seen: "here",
    area: "lifecycle",
    differs:
      'The Docker-compatible API of Podman 4.3 has no POST /containers/{id}/update: a live limit change is answered 404 "Not Found".',
    handling: {
      kind: "disabled",
      capability: "liveLimits",
      reason:
        "Podman 4.3 cannot change a running container's limits: edit the container and recreate it to change them.",
      applies: () => true,
    },
  },
  {
    id: "pause-rootless-v1",
    seen: "reported",
    area: "lifecycle",
    differs: "Rootless Podman on cgroup v1 cannot freeze a container: pause and unpause fail.",
    handling: {
      kind: "disabled",
      capability: "pause",
      reason: "Rootless Podman on cgroup v1 cannot pause containers.",
      applies: (f) => f.rootless && f.cgroupVersion === 1,
    },
  },
  {
    id: "memory-rootless-v1",
    seen: "reported",
    area: "stats",
    differs: "Rootless Podman on cgroup v1 has no memory cgroup of its own: stats carry no memory usage.",
    handling: {
      kind: "disabled",
      capability: "memoryStats",
      reason: "Rootless Podman on cgroup v1 reports no memory usage.",
      applies: (f) => f.rootless && f.cgroupVersion === 1,
    },
  },
  {
    id: "logs",
    seen: "here",
    area: "logs",
    differs:
      "Nothing in the framing: logs are multiplexed without a TTY and raw with one, as with Docker (timestamps differ: see Known gaps).",
    handling: { kind: "same", how: "Read as from Docker." },
  },
  {
    id: "exec",
    seen: "here",
    area: "exec",
    differs:
      "Nothing in the session: exec create, start (attached, with a TTY) and inspect answer as Docker's (resize and an unknown user: see Known gaps).",
    handling: { kind: "same", how: "The terminal works as with Docker." },
  },
  {
    id: "archive",
    seen: "here",
    area: "files",
    differs: "Nothing: GET and HEAD /containers/{id}/archive answer a tar and the path-stat header.",
    handling: { kind: "same", how: "Read as from Docker." },
  },
] as const satisfies readonly Quirk[];

export function findQuirk(id: string): Quirk | undefined {
  return (PODMAN_QUIRKS as readonly Quirk[]).find((q) => q.id === id);
}

/** The actions a Podman host cannot do, given what its /info says. */
export function disabledCapabilities(facts: PodmanFacts): DisabledCapability[] {
  const out: DisabledCapability[] = [];
  for (const q of PODMAN_QUIRKS as readonly Quirk[]) {
    const h = q.handling;
    if (h.kind === "disabled" && h.applies(facts))
      out.push({ capability: h.capability, quirk: q.id, reason: h.reason });
  }
  return out;
}
