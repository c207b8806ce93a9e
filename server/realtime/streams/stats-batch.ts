import type { StatsSample } from "../../../lib/realtime/events";
import { rooms } from "../rooms";
import type { WharfIo } from "../types";

function hasMemberOutside(
  room: ReadonlySet<string> | undefined,
  other: ReadonlySet<string> | undefined,
): boolean {
  if (!room) return false;
  if (!other?.size) return room.size > 0;
  for (const sid of room) if (!other.has(sid)) return true;
  return false;
}

/** How long samples wait to travel together: each socket gets one message per batch, not one per sample. */
export const BATCH_MS = 250;

/**
 * For sockets that opted in at the handshake (`auth.statsBatch`, as Wharf's own UI does): gathers samples
 * per room and sends each socket one `stats:samples` message with the samples of all
 * the rooms it is in. Sockets in the same rooms get the same message, which socket.io then encodes
 * once for all of them: fifty tabs watching the same hundred containers cost one encoding a batch.
 */
export class SampleBatcher {
  private readonly pending = new Map<string, StatsSample[]>();
  private timer?: NodeJS.Timeout;
  /** Bumped whenever a socket joins or leaves any room, which is what invalidates `plan`. */
  private membership = 0;
  /** Who gets which rooms' samples, kept while the rooms with samples and the memberships stay the same. */
  private plan?: { membership: number; rooms: string[]; groups: { sids: string[]; rooms: number[] }[] };

  constructor(
    private readonly io: WharfIo,
    private readonly windowMs = BATCH_MS,
  ) {
    const adapter = io.of("/").adapter;
    adapter.on("join-room", this.changed);
    adapter.on("leave-room", this.changed);
  }

  add(room: string, sample: StatsSample): void {
    const nsp = this.io.of("/");
    const batched = nsp.adapter.rooms.get(rooms.statsBatched);
    // The public contract: one `stats:sample` per sample, at once, for every client that did not opt in
    // to batches. socket.io encodes a packet before it looks for recipients, so it is only built when
    // one of the room's sockets takes single samples.
    const everyoneBatched = batched !== undefined && batched.size === nsp.sockets.size;
    if (!everyoneBatched && hasMemberOutside(nsp.adapter.rooms.get(room), batched)) {
      nsp.to(room).except(rooms.statsBatched).emit("stats:sample", sample);
    }
    if (!batched?.size) return;
    const list = this.pending.get(room);
    if (list) list.push(sample);
    else this.pending.set(room, [sample]);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.windowMs);
      this.timer.unref();
    }
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size) return;
    const nsp = this.io.of("/");
    const roomNames = [...this.pending.keys()];
    for (const group of this.planFor(roomNames)) {
      const batch: StatsSample[] = [];
      for (const i of group.rooms) for (const s of this.pending.get(roomNames[i] ?? "") ?? []) batch.push(s);
      // Every socket is in the room named by its id, so this reaches exactly these sockets.
      nsp.to(group.sids).emit("stats:samples", batch);
    }
    this.pending.clear();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    const adapter = this.io.of("/").adapter;
    adapter.off("join-room", this.changed);
    adapter.off("leave-room", this.changed);
  }

  private readonly changed = () => {
    this.membership++;
  };

  /** The batched sockets grouped by the exact set of these rooms they are in. */
  private planFor(roomNames: string[]): { sids: string[]; rooms: number[] }[] {
    const p = this.plan;
    if (p?.membership === this.membership && sameList(p.rooms, roomNames)) return p.groups;
    const adapter = this.io.of("/").adapter;
    const batched = adapter.rooms.get(rooms.statsBatched);
    const roomsOf = new Map<string, number[]>();
    roomNames.forEach((room, i) => {
      for (const sid of adapter.rooms.get(room) ?? []) {
        if (!batched?.has(sid)) continue;
        const list = roomsOf.get(sid);
        if (list) list.push(i);
        else roomsOf.set(sid, [i]);
      }
    });
    const bySignature = new Map<string, { sids: string[]; rooms: number[] }>();
    for (const [sid, list] of roomsOf) {
      const signature = list.join(",");
      const group = bySignature.get(signature);
      if (group) group.sids.push(sid);
      else bySignature.set(signature, { sids: [sid], rooms: list });
    }
    const groups = [...bySignature.values()];
    this.plan = { membership: this.membership, rooms: roomNames, groups };
    return groups;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
