import fs from "node:fs";
import path from "node:path";
import type { StatsSample } from "../../lib/realtime/events";
import type { ContainerSummary } from "../../lib/types";
import {
  localSample,
  resolveCounterFiles,
  type LocalEngine,
  type LocalReading,
} from "../engines/cgroup-local";
import { parseProcStat } from "../engines/cgroup-parse";
import { CounterReader } from "../engines/cgroup-read";
import { inspectContainer } from "../engines/containers";
import type { HostConnection } from "../engines/host-connection";
import { engineSample, withRates, type EngineStats } from "../engines/stats-math";
import { statsOnce } from "../engines/stats-once";
import { podmanSample } from "../engines/podman/stats";
import type { LocalEngineProbe } from "../engines/local-probe";

interface Slot {
  /** The previous sample, for rates. */
  sample?: StatsSample;
  /** Engine mode: the previous document, for the CPU %. */
  raw?: EngineStats;
  /** Local mode: the open counter files and their previous reading. */
  local?: { reader: CounterReader; prev: LocalReading; machineMemory: number };
  /** Local reading failed: the engine is asked until the container starts again. */
  engineOnly?: boolean;
}

/**
 * One reading of a container whenever the collector asks: from the host's cgroup files where the
 * engine runs on this machine, else the engine's one-shot stats. Each reading is compared with the
 * previous one, so the first reading of a container yields no sample.
 */
export class ContainerSampler {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly probe: LocalEngineProbe,
    private readonly procRoot: string,
  ) {}

  async read(
    host: HostConnection,
    c: Pick<ContainerSummary, "id">,
    now: number,
  ): Promise<StatsSample | undefined> {
    const key = `${host.spec.id}/${c.id}`;
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = {}));
    const ref = { hostId: host.spec.id, containerId: c.id };
    const engine = slot.engineOnly ? undefined : await this.probe.forHost(host);
    if (engine) {
      try {
        return await this.readLocal(host, engine, slot, ref, now);
      } catch {
        // Not readable here (another pid namespace, a cgroup gone): the engine from now on.
        slot.local?.reader.close();
        slot.local = undefined;
        slot.engineOnly = true;
      }
    }
    const raw = await statsOnce(host, c.id);
    const prev = slot.raw;
    slot.raw = raw;
    if (!prev) return undefined;
    const counters = host.isPodman
      ? podmanSample(raw, prev, ref, now)
      : engineSample({ ...raw, precpu_stats: prev.cpu_stats }, ref, now);
    if (!counters) return undefined;
    return this.rated(slot, counters);
  }

  private async readLocal(
    host: HostConnection,
    engine: LocalEngine,
    slot: Slot,
    ref: { hostId: string; containerId: string },
    now: number,
  ): Promise<StatsSample | undefined> {
    const system = parseProcStat(fs.readFileSync(path.join(this.procRoot, "stat"), "utf8"));
    if (!slot.local) {
      const { inspect } = await inspectContainer(host, ref.containerId);
      const reader = new CounterReader(resolveCounterFiles(engine, inspect));
      slot.local = {
        reader,
        prev: { counters: reader.read(), ...system, ts: now },
        machineMemory: engine.machineMemory,
      };
      return undefined;
    }
    const reading = { counters: slot.local.reader.read(), ...system, ts: now };
    const prev = slot.local.prev;
    slot.local.prev = reading;
    if (now <= prev.ts) return undefined;
    const s = this.rated(slot, localSample(ref, reading, prev, slot.local.machineMemory));
    s.mode = "local";
    return s;
  }

  private rated(slot: Slot, counters: Parameters<typeof withRates>[0]): StatsSample {
    const s = withRates(counters, slot.sample);
    slot.sample = s;
    return s;
  }

  /** The container (re)started or went away: its next reading starts afresh (a new pid, new counters). */
  forget(hostId: string, containerId: string): void {
    const key = `${hostId}/${containerId}`;
    this.slots.get(key)?.local?.reader.close();
    this.slots.delete(key);
  }

  /** Drops every container of a host not in `running`. */
  retain(hostId: string, running: ReadonlySet<string>): void {
    for (const key of this.slots.keys()) {
      const [h = "", id = ""] = key.split("/");
      if (h === hostId && !running.has(id)) this.forget(h, id);
    }
  }

  close(): void {
    for (const s of this.slots.values()) s.local?.reader.close();
    this.slots.clear();
  }
}
