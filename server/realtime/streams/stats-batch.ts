import type { StatsSample } from "../../../lib/realtime/events";
import { rooms } from "../rooms";
import type { WharfIo } from "../types";

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

  constructor(
    private readonly io: WharfIo,
    private readonly windowMs = BATCH_MS,
  ) {}

  add(room: string, sample: StatsSample): void {
    const nsp = this.io.of("/");
    // The public contract: one `stats:sample` per sample, at once, for every client that did not opt in to batches.
    nsp.to(room).except(rooms.statsBatched).emit("stats:sample", sample);
    const batched = nsp.adapter.rooms.get(rooms.statsBatched);
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
    const roomsOf = new Map<string, number[]>();
    const batched = nsp.adapter.rooms.get(rooms.statsBatched);
    roomNames.forEach((room, i) => {
      for (const sid of nsp.adapter.rooms.get(room) ?? []) {
        if (!batched?.has(sid)) continue;
        const list = roomsOf.get(sid);
        if (list) list.push(i);
        else roomsOf.set(sid, [i]);
      }
    });
    const groups = new Map<string, string[]>();
    for (const [sid, list] of roomsOf) {
      const signature = list.join(",");
      const sids = groups.get(signature);
      if (sids) sids.push(sid);
      else groups.set(signature, [sid]);
    }
    for (const [signature, sids] of groups) {
      const batch = signature.split(",").flatMap((i) => this.pending.get(roomNames[Number(i)] as string) ?? []);
      // Every socket is in the room named by its id, so this reaches exactly these sockets.
      nsp.to(sids).emit("stats:samples", batch);
    }
    this.pending.clear();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
