import path from "node:path";
import { localSample, type LocalReading } from "../../engines/cgroup-local";
import { parseProcStat } from "../../engines/cgroup-parse";
import { CounterReader, OpenFiles, type CounterFiles } from "../../engines/cgroup-read";
import type { StatsCounters } from "../../engines/stats-math";
import { asError } from "../../../lib/errors";

export interface LocalTarget {
  key: string;
  ref: { hostId: string; containerId: string };
  files: CounterFiles;
  machineMemory: number;
  sample(s: StatsCounters): void;
  /** Reading failed (the container stopped, or its cgroup went away); the target is already removed. */
  failed(err: Error): void;
}

interface Slot {
  t: LocalTarget;
  prev: LocalReading;
  reader: CounterReader;
}

/**
 * Local cgroup mode: reads the counters of every subscribed container straight from the cgroup tree
 * once a tick, with the host's CPU time read once for all of them, as dockerd's own collector does.
 */
export class LocalCollector {
  private readonly targets = new Map<string, Slot>();
  private timer?: NodeJS.Timeout;
  private readonly procStat = new OpenFiles();

  constructor(
    private readonly procRoot: string,
    private readonly intervalMs = 1000,
    private readonly afterTick?: () => void,
  ) {}

  get size(): number {
    return this.targets.size;
  }

  /**
   * Starts reading a target. The first reading happens now (and throws if it fails), so the first sample
   * comes one tick later, with a CPU % over that tick.
   */
  add(t: LocalTarget): void {
    const reader = new CounterReader(t.files);
    let prev: LocalReading;
    try {
      prev = { counters: reader.read(), ...this.system(), ts: Date.now() };
    } catch (err) {
      reader.close();
      throw err;
    }
    this.remove(t.key);
    this.targets.set(t.key, { t, prev, reader });
    if (!this.timer && this.targets.size) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    }
  }

  remove(key: string): void {
    this.targets.get(key)?.reader.close();
    this.targets.delete(key);
    if (!this.targets.size) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.procStat.close();
  }

  private system(): { systemNs: number; onlineCpus: number } {
    return parseProcStat(this.procStat.read(path.join(this.procRoot, "stat")));
  }

  private tick(): void {
    let sys: { systemNs: number; onlineCpus: number };
    try {
      sys = this.system();
    } catch (err) {
      this.failAll(asError(err));
      return;
    }
    const now = Date.now();
    for (const slot of [...this.targets.values()]) this.readOne(slot, sys, now);
    this.afterTick?.();
  }

  private readOne(slot: Slot, sys: { systemNs: number; onlineCpus: number }, ts: number): void {
    let reading: LocalReading;
    try {
      reading = { counters: slot.reader.read(), ...sys, ts };
    } catch (err) {
      this.remove(slot.t.key);
      slot.t.failed(asError(err));
      return;
    }
    const prev = slot.prev;
    slot.prev = reading;
    if (prev && ts > prev.ts) slot.t.sample(localSample(slot.t.ref, reading, prev, slot.t.machineMemory));
  }

  private failAll(err: Error): void {
    const all = [...this.targets.values()];
    for (const { reader } of all) reader.close();
    this.targets.clear();
    this.stop();
    for (const { t } of all) t.failed(err);
  }
}
