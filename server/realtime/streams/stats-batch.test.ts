import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StatsSample } from "../../../lib/realtime/events";
import type { WharfIo } from "../types";
import { BATCH_MS, SampleBatcher } from "./stats-batch";

const sample = (containerId: string, ts: number) => ({ hostId: "h", containerId, ts }) as StatsSample;

/** Sockets in `rooms`; all of them opted in to batches unless `batched` says which did. */
function fakeIo(rooms: Record<string, string[]>, batched?: string[]) {
  const sends: { to: string[]; batch: StatsSample[] }[] = [];
  const singles: { room: string; except: string; sample: StatsSample }[] = [];
  const all = [...new Set(Object.values(rooms).flat())];
  const adapter = Object.assign(new EventEmitter(), {
    rooms: new Map([
      ...Object.entries(rooms).map(([r, ids]) => [r, new Set(ids)] as const),
      ["stats:batched", new Set(batched ?? all)] as const,
    ]),
  });
  const io = {
    of: () => ({
      sockets: new Map(all.map((id) => [id, {}])),
      adapter,
      to: (to: string[] | string) => ({
        emit: (_e: string, batch: StatsSample[]) => sends.push({ to: to as string[], batch }),
        except: (except: string) => ({
          emit: (_e: string, sample: StatsSample) => singles.push({ room: to as string, except, sample }),
        }),
      }),
    }),
  } as unknown as WharfIo;
  /** Moves a socket into a room as socket.io does, announcing it on the adapter. */
  const join = (room: string, sid: string) => {
    const set = adapter.rooms.get(room) ?? new Set<string>();
    adapter.rooms.set(room, set.add(sid));
    adapter.emit("join-room", room, sid);
  };
  return { io, sends, singles, join };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("SampleBatcher", () => {
  it("sends nothing before the window ends, then one message per distinct set of rooms", () => {
    const { io, sends, singles } = fakeIo({ a: ["s1", "s2", "s3"], b: ["s1", "s2"], c: [] });
    const b = new SampleBatcher(io);
    b.add("a", sample("A", 1));
    b.add("b", sample("B", 1));
    b.add("a", sample("A", 2));
    b.add("c", sample("C", 1));
    vi.advanceTimersByTime(BATCH_MS - 1);
    expect(sends).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sends).toEqual([
      { to: ["s1", "s2"], batch: [sample("A", 1), sample("A", 2), sample("B", 1)] },
      { to: ["s3"], batch: [sample("A", 1), sample("A", 2)] },
    ]);
    expect(singles).toEqual([]);
  });

  it("flushes at once when asked, and forgets everything when closed", () => {
    const { io, sends } = fakeIo({ a: ["s1"] });
    const b = new SampleBatcher(io);
    b.add("a", sample("A", 1));
    b.flush();
    expect(sends).toHaveLength(1);
    b.add("a", sample("A", 2));
    b.close();
    vi.advanceTimersByTime(BATCH_MS * 4);
    expect(sends).toHaveLength(1);
  });

  it("sends the contract's single events to sockets that did not opt in, and batches only to those that did", () => {
    const { io, sends, singles } = fakeIo({ a: ["s1", "s2"] }, ["s2"]);
    const b = new SampleBatcher(io);
    b.add("a", sample("A", 1));
    expect(singles).toEqual([{ room: "a", except: "stats:batched", sample: sample("A", 1) }]);
    b.flush();
    expect(sends).toEqual([{ to: ["s2"], batch: [sample("A", 1)] }]);
  });

  it("reuses who-gets-what while nobody joins or leaves, and works it out again when someone does", () => {
    const { io, sends, join } = fakeIo({ a: ["s1"], b: ["s1"] });
    const b = new SampleBatcher(io);
    b.add("a", sample("A", 1));
    b.add("b", sample("B", 1));
    b.flush();
    b.add("a", sample("A", 2));
    b.add("b", sample("B", 2));
    b.flush();
    join("a", "s2");
    join("stats:batched", "s2");
    b.add("a", sample("A", 3));
    b.add("b", sample("B", 3));
    b.flush();
    b.add("a", sample("A", 4));
    b.flush();

    expect(sends).toEqual([
      { to: ["s1"], batch: [sample("A", 1), sample("B", 1)] },
      { to: ["s1"], batch: [sample("A", 2), sample("B", 2)] },
      { to: ["s1"], batch: [sample("A", 3), sample("B", 3)] },
      { to: ["s2"], batch: [sample("A", 3)] },
      { to: ["s1", "s2"], batch: [sample("A", 4)] },
    ]);
  });
});
