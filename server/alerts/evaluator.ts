import type { Rule } from "../../lib/alerts";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { ContainerSummary } from "../../lib/types";
import { inspectContainer } from "../engines/containers";
import { isWharfProbe } from "../engines/disk-probe";
import type { DiskSpace } from "../engines/disk-space";
import type { EngineContainerEvent } from "../engines/engine-events";
import { eventLabels } from "../engines/engine-events";
import { hostCapacity } from "../engines/host-capacity";
import type { HostConnection } from "../engines/host-connection";
import type { HostRegistry } from "../engines/host-registry";
import { ifFound } from "../errors";
import type { MetricsCollector } from "../metrics/collector";
import type { RegistryStore } from "../registries/registry-store";
import type { AlertStore, Firing, StoredAlert } from "./alert-store";
import { DiskRules } from "./disk-rules";
import { ImageUpdateRules } from "./image-update-rules";
import { silenceCovers } from "./silence-match";
import { firingOf, ruleMatches, type AlertActions, type Subject } from "./subjects";

/** Exit codes of a normal stop: SIGINT (130) and SIGTERM (143). */
const NORMAL_EXITS = new Set([0, 130, 143]);
/** An exit or OOM alert resolves once its container has run this long without dying again. */
export const STABLE_MS = 60_000;
const TICK_MS = 1000;
/** The stats pipeline's figure is used while younger than this. */
const STALE_MS = 60_000;
/** The engine's oom event comes just before its die event. */
const OOM_WINDOW_MS = 10_000;

type RuleSet = (kind: Rule["kind"]) => readonly Rule[];

export interface Notifier {
  firing(rule: Rule, a: StoredAlert): void;
  resolved(rule: Rule, a: StoredAlert): void;
}

/** What the rules that look beyond engine events and stats read: disks, and registries. */
export interface EvaluatorSources {
  disk: DiskSpace;
  registries: RegistryStore;
  imageUpdateIntervalMs?: number;
}

/**
 * Turns engine events, host health and the stats pipeline into alerts. Event rules (exit, oom,
 * restart-loop) act on each event; the others are checked once a second against what is known.
 * One alert per rule and subject stays open while the condition holds: a condition met again
 * counts into it (a restart loop is one alert, not fifty).
 */
export class AlertEvaluator implements AlertActions {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private readonly oomAt = new Map<string, number>();
  private readonly deaths = new Map<string, number[]>();
  private readonly unhealthySince = new Map<string, number>();
  private readonly aboveSince = new Map<string, number>();
  private readonly downSince = new Map<string, number>();
  private readonly cpuLimits = new Map<string, Promise<number | undefined>>();
  private readonly disk: DiskRules;
  readonly updates: ImageUpdateRules;

  constructor(
    private readonly hosts: HostRegistry,
    readonly store: AlertStore,
    private readonly collector: MetricsCollector,
    private readonly notify: Notifier,
    sources: EvaluatorSources,
    private readonly now: () => number = Date.now,
  ) {
    this.disk = new DiskRules(hosts, sources.disk, this);
    this.updates = new ImageUpdateRules(hosts, sources.registries, this, sources.imageUpdateIntervalMs);
    hosts.on("container", this.onContainer);
    hosts.on("status", this.onStatus);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      // A tick still waiting on an engine is not doubled.
      this.ticking ??= this.tick()
        .catch((err: unknown) => console.error("[alerts] evaluation failed:", err))
        .finally(() => (this.ticking = undefined));
    }, TICK_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    this.hosts.off("container", this.onContainer);
    this.hosts.off("status", this.onStatus);
  }

  /** The enabled rules by kind, read from the store once for a whole tick or event. */
  private ruleSet(rules: readonly Rule[] = this.store.rules()): RuleSet {
    const byKind = new Map<Rule["kind"], Rule[]>();
    for (const r of rules) if (r.enabled) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    return (kind) => byKind.get(kind) ?? [];
  }

  /** Opens an alert, or counts into the open one; notifies unless silenced or within the cooldown. */
  fire(rule: Rule, f: Firing): void {
    const now = this.now();
    const open = this.store.openAlert(rule.id, f.subject);
    if (open) {
      this.store.again(open.id, f, now);
      return;
    }
    const last = this.store.lastStarted(rule.id, f.subject);
    const silenced = this.silenced(rule, f, now);
    const a = this.store.open(rule, f, silenced, now);
    const cooling = last !== undefined && now - last < rule.cooldownSeconds * 1000;
    if (!silenced && !cooling) this.notify.firing(rule, a);
  }

  resolve(rule: Rule | undefined, a: StoredAlert): void {
    const done = this.store.resolve(a.id, this.now());
    // Only an alert that was told is told again.
    if (done && rule && done.deliveries.length) this.notify.resolved(rule, done);
  }

  private silenced(rule: Rule, f: Firing, now: number): boolean {
    return this.store.silences(now).some((s) => silenceCovers(s, { ...f, ruleId: rule.id }, now));
  }

  private readonly onStatus = (e: HostStatusEvent) => {
    if (e.status === "down") {
      if (!this.downSince.has(e.hostId)) this.downSince.set(e.hostId, this.now());
    } else if (e.status === "up") {
      this.downSince.delete(e.hostId);
      for (const a of this.store.firing())
        if (a.kind === "host-down" && a.hostId === e.hostId) this.resolve(this.store.rule(a.ruleId), a);
    }
  };

  private readonly onContainer = (e: EngineContainerEvent) => {
    // Wharf's own disk probe comes and goes every few minutes: nothing about it is news.
    if (isWharfProbe(eventLabels(e.attributes))) return;
    const key = `${e.hostId}/${e.containerId}`;
    const action = e.action;
    if (action === "oom") this.oomAt.set(key, this.now());
    else if (action === "die") void this.died(e);
    else if (action.startsWith("health_status")) {
      if (action.endsWith("unhealthy")) {
        if (!this.unhealthySince.has(key)) this.unhealthySince.set(key, this.now());
      } else this.healthy(e.hostId, e.containerId);
    } else if (action === "destroy") this.gone(e.hostId, e.containerId);
  };

  private subjectOf(e: EngineContainerEvent): Subject {
    const row = this.hosts.find(e.hostId)?.live.containers.row(e.containerId);
    return {
      hostId: e.hostId,
      id: e.containerId,
      name: row?.name ?? e.name ?? e.containerId.slice(0, 12),
      labels: row?.labels ?? eventLabels(e.attributes),
    };
  }

  private async died(e: EngineContainerEvent): Promise<void> {
    const key = `${e.hostId}/${e.containerId}`;
    const now = this.now();
    const c = this.subjectOf(e);
    const exitCode = Number(e.attributes?.exitCode ?? NaN);
    this.unhealthySince.delete(key);
    const rules = this.ruleSet();
    // A restart loop counts every death, whatever its code.
    const loops = rules("restart-loop").filter((r) => ruleMatches(r.scope, c.hostId, c.labels));
    if (loops.length) {
      const window = Math.max(...loops.map((r) => (r.params.minutes ?? 1) * 60_000));
      const list = [...(this.deaths.get(key) ?? []), now].filter((t) => now - t <= window);
      this.deaths.set(key, list);
      for (const r of loops) {
        const n = list.filter((t) => now - t <= (r.params.minutes ?? 1) * 60_000).length;
        if (n >= (r.params.restarts ?? 2))
          this.fire(
            r,
            firingOf(c, `restarted ${n} times within ${r.params.minutes} min`, {
              restarts: n,
              minutes: r.params.minutes ?? 1,
              exitCode: Number.isFinite(exitCode) ? exitCode : "?",
            }),
          );
      }
    }
    const oomRules = rules("oom").filter((r) => ruleMatches(r.scope, c.hostId, c.labels));
    const exitRules = rules("exit").filter((r) => ruleMatches(r.scope, c.hostId, c.labels));
    if (!oomRules.length && !exitRules.length) return;
    const seen = this.oomAt.get(key);
    this.oomAt.delete(key);
    let oom = seen !== undefined && now - seen < OOM_WINDOW_MS;
    // cgroup v2 engines may send no oom event: the kernel's verdict is in the inspect document.
    if (!oom && exitCode === 137) {
      const host = this.hosts.find(e.hostId);
      const detail = host && (await ifFound(inspectContainer(host, e.containerId)).catch(() => undefined));
      oom = detail?.inspect.State?.OOMKilled === true;
    }
    const code = Number.isFinite(exitCode) ? exitCode : "?";
    if (oom)
      for (const r of oomRules)
        this.fire(r, firingOf(c, "killed for running out of memory (OOM)", { exitCode: code }));
    else if (!NORMAL_EXITS.has(exitCode))
      for (const r of exitRules) this.fire(r, firingOf(c, `exited with code ${code}`, { exitCode: code }));
  }

  private healthy(hostId: string, id: string): void {
    this.unhealthySince.delete(`${hostId}/${id}`);
    for (const a of this.store.firing())
      if (a.kind === "unhealthy" && a.hostId === hostId && a.containerId === id)
        this.resolve(this.store.rule(a.ruleId), a);
  }

  private gone(hostId: string, id: string): void {
    const key = `${hostId}/${id}`;
    this.unhealthySince.delete(key);
    this.deaths.delete(key);
    this.cpuLimits.delete(key);
    for (const a of this.store.firing())
      if (a.hostId === hostId && a.containerId === id) this.resolve(this.store.rule(a.ruleId), a);
  }

  /** The timed conditions, once a second. */
  async tick(): Promise<void> {
    const now = this.now();
    const firing = this.store.firing();
    const all = this.store.rules();
    const rules = new Map(all.map((r) => [r.id, r]));
    const set = this.ruleSet(all);
    // Exit and OOM alerts resolve once their container runs steadily again; restart loops once quiet.
    for (const a of firing) {
      const rule = rules.get(a.ruleId);
      const host = this.hosts.find(a.hostId);
      const live = host?.live.containers;
      const row = a.containerId && live?.ready ? live.row(a.containerId) : undefined;
      if (a.kind === "exit" || a.kind === "oom") {
        if (live?.ready && a.containerId && !row) this.resolve(rule, a);
        else if (row?.state === "running" && now - a.lastAt >= STABLE_MS) this.resolve(rule, a);
      } else if (a.kind === "image-update") {
        // Removed while Wharf was not watching: its destroy event was never seen.
        if (live?.ready && a.containerId && !row) this.resolve(rule, a);
      } else if (a.kind === "restart-loop") {
        if (now - a.lastAt >= (rule?.params.minutes ?? 1) * 60_000) this.resolve(rule, a);
      }
    }
    for (const id of this.hosts.ids()) {
      const host = this.hosts.find(id);
      if (!host) continue;
      this.checkHostDown(host, set("host-down"), now);
      if (host.isUp && host.live.containers.ready) await this.checkContainers(host, set, now);
    }
    this.disk.check(set("disk"), now);
    this.updates.check(set("image-update"), now);
  }

  private checkHostDown(host: HostConnection, rules: readonly Rule[], now: number): void {
    const id = host.spec.id;
    if (host.summary().status === "down" && !this.downSince.has(id)) this.downSince.set(id, now);
    const since = this.downSince.get(id);
    if (since === undefined) return;
    for (const r of rules) {
      if (r.scope.hosts?.length && !r.scope.hosts.includes(id)) continue;
      if (now - since < (r.params.seconds ?? 30) * 1000) continue;
      this.fire(r, {
        subject: `host:${id}`,
        hostId: id,
        summary: `host ${id} is down: ${host.summary().error ?? "unreachable"}`,
        details: {
          downSeconds: Math.round((now - since) / 1000),
          error: host.summary().error ?? "unreachable",
        },
      });
    }
  }

  private async checkContainers(host: HostConnection, rules: RuleSet, now: number): Promise<void> {
    const hostId = host.spec.id;
    const unhealthy = rules("unhealthy");
    const cpu = rules("cpu");
    const memory = rules("memory");
    if (!unhealthy.length && !cpu.length && !memory.length) return;
    for (const { summary: c, health } of host.live.containers.running()) {
      const key = `${hostId}/${c.id}`;
      const subject: Subject = { hostId, id: c.id, name: c.name, labels: c.labels };
      if (health === "unhealthy" && !this.unhealthySince.has(key)) this.unhealthySince.set(key, now);
      const since = this.unhealthySince.get(key);
      if (since !== undefined)
        for (const r of unhealthy)
          if (ruleMatches(r.scope, hostId, c.labels) && now - since >= (r.params.seconds ?? 30) * 1000)
            this.fire(
              r,
              firingOf(subject, `unhealthy for ${Math.round((now - since) / 1000)} s`, {
                seconds: Math.round((now - since) / 1000),
              }),
            );
      if (cpu.length || memory.length) await this.checkUsage(host, c, subject, cpu, memory, now);
    }
  }

  private async checkUsage(
    host: HostConnection,
    c: Pick<ContainerSummary, "id" | "labels">,
    subject: Subject,
    cpu: readonly Rule[],
    memory: readonly Rule[],
    now: number,
  ): Promise<void> {
    const latest = this.collector.latest.get(`${host.spec.id}/container/${c.id}`);
    // A figure gone stale (the host stopped answering) says nothing about now.
    if (!latest || now - latest.ts > STALE_MS) return;
    const check = async (r: Rule, percent: () => Promise<number | undefined>, what: string) => {
      if (!ruleMatches(r.scope, host.spec.id, c.labels)) return;
      const p = await percent();
      if (p === undefined) return;
      const key = `${r.id}/${host.spec.id}/${c.id}`;
      if (p > (r.params.percent ?? 100)) {
        const since = this.aboveSince.get(key) ?? latest.ts;
        this.aboveSince.set(key, since);
        if (latest.ts - since >= (r.params.seconds ?? 60) * 1000)
          this.fire(
            r,
            firingOf(
              subject,
              `${what} at ${p.toFixed(0)} % of its limit for ${Math.round((latest.ts - since) / 1000)} s`,
              {
                percent: Math.round(p * 10) / 10,
                threshold: r.params.percent ?? 100,
                seconds: Math.round((latest.ts - since) / 1000),
              },
            ),
          );
      } else {
        this.aboveSince.delete(key);
        const open = this.store.openAlert(r.id, c.id);
        if (open) this.resolve(r, open);
      }
    };
    for (const r of cpu)
      await check(
        r,
        async () => {
          const cpus = await this.cpuLimit(host, c.id);
          return cpus ? latest.values.cpu / 100 / cpus : undefined;
        },
        "CPU",
      );
    for (const r of memory)
      await check(
        r,
        () => Promise.resolve(latest.limit > 0 ? (latest.values.mem / latest.limit) * 100 : undefined),
        "memory",
      );
  }

  /** The container's CPU limit in CPUs (its quota, or the host's CPUs when it has none). */
  private cpuLimit(host: HostConnection, id: string): Promise<number | undefined> {
    const key = `${host.spec.id}/${id}`;
    let p = this.cpuLimits.get(key);
    if (!p) {
      p = (async () => {
        const d = await ifFound(inspectContainer(host, id));
        const hc = d?.inspect.HostConfig;
        if (hc?.NanoCpus) return hc.NanoCpus / 1e9;
        if (hc?.CpuQuota && hc.CpuQuota > 0) return hc.CpuQuota / (hc.CpuPeriod || 100_000);
        // Unknown for now (the engine did not answer): asked again next time, not taken as 1.
        const { cpus } = await hostCapacity(host);
        if (!cpus) throw new Error("the host's CPUs are not known yet");
        return cpus;
      })().catch(() => {
        this.cpuLimits.delete(key);
        return undefined;
      });
      this.cpuLimits.set(key, p);
    }
    return p;
  }
}
