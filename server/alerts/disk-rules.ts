import type { Rule, RuleScope } from "../../lib/alerts";
import type { DiskFigure } from "../../lib/disk";
import { formatBytes } from "../../lib/format";
import type { DiskReading, DiskSpace } from "../engines/disk-space";
import type { HostRegistry } from "../engines/host-registry";
import type { Firing } from "./alert-store";
import { PROJECT, ruleMatches, type AlertActions } from "./subjects";

/** A rule that names containers by label or stack watches volumes so named, not the host's own disk. */
const byLabel = (s: RuleScope) => !!(s.labelSelector || s.stack || s.service);

const sizes = (f: DiskFigure) => ({
  percent: f.percent,
  used: formatBytes(f.used),
  size: formatBytes(f.size),
  free: formatBytes(f.free),
});

interface Measured {
  firing: Firing;
  percent: number;
}

/** The subjects one rule watches in one reading: the data root and volumes of their own, or the volumes it names. */
function measuredFor(rule: Rule, hostId: string, reading: DiskReading): Measured[] {
  const out: Measured[] = [];
  const disk = reading.disk;
  const threshold = rule.params.percent ?? 90;
  if (!byLabel(rule.scope) && disk.state === "known")
    out.push({
      percent: disk.percent,
      firing: {
        subject: `disk:${hostId}`,
        hostId,
        summary: `the engine's disk (${disk.path}) is ${disk.percent} % full: ${formatBytes(disk.used)} of ${formatBytes(disk.size)}`,
        details: { path: disk.path, ...sizes(disk), threshold },
      },
    });
  for (const v of reading.volumes) {
    // Unnamed, a plain volume is the volume store's filesystem: the host's own alert already says it.
    if (byLabel(rule.scope) ? !ruleMatches(rule.scope, hostId, v.labels) : !v.own) continue;
    const project = v.labels[PROJECT];
    out.push({
      percent: v.figure.percent,
      firing: {
        subject: `volume:${hostId}/${v.name}`,
        hostId,
        ...(project ? { project } : {}),
        labels: v.labels,
        summary: `volume ${v.name} is ${v.figure.percent} % full: ${formatBytes(v.figure.used)} of ${formatBytes(v.figure.size)}`,
        details: { volume: v.name, ...sizes(v.figure), threshold },
      },
    });
  }
  return out;
}

/**
 * Disk rules: each new reading of a host's disk is weighed once per rule. Above the threshold an
 * alert opens (one per rule and filesystem subject); at or below it, or once the volume is gone or
 * no longer mounted, it resolves. An unknown disk neither fires nor resolves.
 */
export class DiskRules {
  /** The reading each rule last weighed on each host, so a reading kept for minutes counts once. */
  private readonly weighed = new Map<string, number>();

  constructor(
    private readonly hosts: HostRegistry,
    private readonly disk: DiskSpace,
    private readonly act: AlertActions,
  ) {}

  check(rules: readonly Rule[], now: number): void {
    const ids = new Set(rules.map((r) => String(r.id)));
    for (const k of this.weighed.keys()) if (!ids.has(k.split("/")[0] ?? "")) this.weighed.delete(k);
    if (!rules.length) return;
    for (const hostId of this.hosts.ids()) {
      const host = this.hosts.find(hostId);
      const mine = rules.filter((r) => !r.scope.hosts?.length || r.scope.hosts.includes(hostId));
      if (!host?.isUp || !mine.length) continue;
      const reading = this.disk.latest(host, now);
      if (reading?.disk.state !== "known") continue;
      for (const r of mine) {
        const key = `${r.id}/${hostId}`;
        if (this.weighed.get(key) === reading.disk.at) continue;
        this.weighed.set(key, reading.disk.at);
        this.weigh(r, hostId, reading);
      }
    }
  }

  private weigh(rule: Rule, hostId: string, reading: DiskReading): void {
    const measured = measuredFor(rule, hostId, reading);
    const threshold = rule.params.percent ?? 90;
    for (const m of measured) {
      if (m.percent > threshold) this.act.fire(rule, m.firing);
      else {
        const open = this.act.store.openAlert(rule.id, m.firing.subject);
        if (open) this.act.resolve(rule, open);
      }
    }
    const subjects = new Set(measured.map((m) => m.firing.subject));
    for (const a of this.act.store.firing())
      if (a.ruleId === rule.id && a.hostId === hostId && !subjects.has(a.subject)) this.act.resolve(rule, a);
  }
}
