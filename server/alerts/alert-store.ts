import type {
  AlertState,
  AlertView,
  DeliveryStatus,
  Rule,
  RuleInput,
  RuleKind,
  Silence,
  SilenceInput,
  TargetConfig,
  TargetInput,
  TargetKind,
  TargetView,
} from "../../lib/alerts";
import type { SecretBox } from "../auth/secrets";
import type { Db } from "../db/database";

interface RuleRow {
  id: number;
  name: string;
  kind: RuleKind;
  enabled: number;
  scope: string;
  params: string;
  targets: string;
  cooldown_s: number;
  created_at: number;
  created_by: string;
}

interface AlertRow {
  id: number;
  rule_id: number;
  rule_name: string;
  kind: RuleKind;
  subject: string;
  state: AlertState;
  host_id: string;
  container_id: string | null;
  container_name: string | null;
  project: string | null;
  service: string | null;
  labels: string;
  summary: string;
  details: string;
  count: number;
  started_at: number;
  last_at: number;
  resolved_at: number | null;
  silenced: number;
  acked_by: string | null;
  acked_at: number | null;
}

export interface DeliveryRow {
  id: number;
  alert_id: number | null;
  target_id: number;
  event: AlertState | "test";
  status: DeliveryStatus;
  attempts: number;
  next_at: number;
  last_error: string | null;
  sent_at: number | null;
  payload: string;
}

/** What opens an alert: the subject it is about, and what to say. */
export interface Firing {
  subject: string;
  hostId: string;
  containerId?: string;
  containerName?: string;
  project?: string;
  service?: string;
  labels?: Record<string, string>;
  summary: string;
  details: Record<string, string | number>;
}

export type StoredAlert = AlertView & { subject: string; labels: Record<string, string>; lastAt: number };

const json = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

function toRule(r: RuleRow): Rule {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    enabled: r.enabled === 1,
    scope: json(r.scope, {}),
    params: json(r.params, {}),
    targets: json(r.targets, []),
    cooldownSeconds: r.cooldown_s,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** A rule's columns from name to cooldown_s, in the table's order. */
const ruleColumns = (r: RuleInput) => [
  r.name,
  r.kind,
  r.enabled ? 1 : 0,
  JSON.stringify(r.scope),
  JSON.stringify(r.params),
  JSON.stringify(r.targets),
  r.cooldownSeconds,
];

function toAlert(r: AlertRow): StoredAlert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    kind: r.kind,
    subject: r.subject,
    state: r.state,
    hostId: r.host_id,
    ...(r.container_id ? { containerId: r.container_id } : {}),
    ...(r.container_name ? { containerName: r.container_name } : {}),
    ...(r.project ? { project: r.project } : {}),
    ...(r.service ? { service: r.service } : {}),
    labels: json(r.labels, {}),
    summary: r.summary,
    details: json(r.details, {}),
    count: r.count,
    startedAt: r.started_at,
    lastAt: r.last_at,
    ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
    silenced: r.silenced === 1,
    ...(r.acked_by ? { ackedBy: r.acked_by, ackedAt: r.acked_at ?? 0 } : {}),
    deliveries: [],
  };
}

/**
 * Where a target points, for showing: a robot's or chat webhook's URL is its password, so only its
 * origin is kept.
 */
export function endpointOf(c: TargetConfig): string {
  if (c.kind === "email") return `smtp://${c.host}:${c.port} → ${c.to.join(", ")}`;
  const u = new URL(c.url);
  return u.pathname.length > 1 || u.search ? `${u.origin}/…` : u.origin;
}

/** Rules, targets, alerts, their deliveries and silences, in the embedded database. */
/** What happened to an alert, as the live push tells it. */
export type AlertChange = "opened" | "again" | "resolved" | "acked";

export class AlertStore {
  private readonly watchers: ((a: StoredAlert, change: AlertChange) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  /** Calls `fn` after every change to an alert is written: opened, counted again, resolved, acknowledged. */
  onChange(fn: (a: StoredAlert, change: AlertChange) => void): void {
    this.watchers.push(fn);
  }

  private changed(id: number, change: AlertChange): void {
    if (!this.watchers.length) return;
    const a = this.alert(id);
    if (a) for (const fn of this.watchers) fn(a, change);
  }

  // --- rules

  rules(): Rule[] {
    return this.db.prepare<[], RuleRow>("SELECT * FROM alert_rules ORDER BY id").all().map(toRule);
  }

  rule(id: number): Rule | undefined {
    const r = this.db.prepare<[number], RuleRow>("SELECT * FROM alert_rules WHERE id = ?").get(id);
    return r && toRule(r);
  }

  addRule(input: RuleInput, by: string, now = Date.now()): Rule {
    const r = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO alert_rules (name, kind, enabled, scope, params, targets, cooldown_s, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(...ruleColumns(input), now, by);
    return this.rule(r?.id ?? 0) as Rule;
  }

  updateRule(id: number, input: RuleInput): Rule | undefined {
    const changed = this.db
      .prepare(
        "UPDATE alert_rules SET name = ?, kind = ?, enabled = ?, scope = ?, params = ?, targets = ?, cooldown_s = ? WHERE id = ?",
      )
      .run(...ruleColumns(input), id).changes;
    return changed ? this.rule(id) : undefined;
  }

  /** Removes a rule; its alerts stay in the history, and open ones are resolved. */
  removeRule(id: number, now = Date.now()): boolean {
    const resolved: number[] = [];
    const removed = this.db.transaction(() => {
      for (const r of this.db
        .prepare<[number, number], { id: number }>(
          "UPDATE alerts SET state = 'resolved', resolved_at = ? WHERE rule_id = ? AND state = 'firing' RETURNING id",
        )
        .all(now, id))
        resolved.push(r.id);
      return this.db.prepare("DELETE FROM alert_rules WHERE id = ?").run(id).changes > 0;
    })();
    for (const a of resolved) this.changed(a, "resolved");
    return removed;
  }

  // --- targets

  targets(): TargetView[] {
    const rows = this.db
      .prepare<[], { id: number; name: string; kind: TargetKind; endpoint: string; created_at: number }>(
        "SELECT id, name, kind, endpoint, created_at FROM alert_targets ORDER BY id",
      )
      .all();
    const last = this.db.prepare<[number], { at: number; status: DeliveryStatus; error: string | null }>(
      `SELECT coalesce(sent_at, created_at) AS at, status, last_error AS error FROM alert_deliveries
       WHERE target_id = ? AND attempts > 0 ORDER BY id DESC LIMIT 1`,
    );
    return rows.map((r) => {
      const l = last.get(r.id);
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        endpoint: r.endpoint,
        createdAt: r.created_at,
        ...(l
          ? { lastDelivery: { at: l.at, status: l.status, ...(l.error ? { error: l.error } : {}) } }
          : {}),
      };
    });
  }

  targetConfig(id: number): { name: string; config: TargetConfig } | undefined {
    const r = this.db
      .prepare<[number], { name: string; config: string }>(
        "SELECT name, config FROM alert_targets WHERE id = ?",
      )
      .get(id);
    return r && { name: r.name, config: JSON.parse(this.secrets.open(r.config)) as TargetConfig };
  }

  addTarget(input: TargetInput, by: string, now = Date.now()): TargetView {
    const r = this.db
      .prepare<unknown[], { id: number }>(
        "INSERT INTO alert_targets (name, kind, config, endpoint, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      )
      .get(
        input.name,
        input.config.kind,
        this.secrets.seal(JSON.stringify(input.config)),
        endpointOf(input.config),
        now,
        by,
      );
    return this.targets().find((t) => t.id === r?.id) as TargetView;
  }

  /** Replaces a target's name and config; deliveries still queued for it go out with the new one. */
  updateTarget(id: number, input: TargetInput): TargetView | undefined {
    const changed = this.db
      .prepare("UPDATE alert_targets SET name = ?, kind = ?, config = ?, endpoint = ? WHERE id = ?")
      .run(
        input.name,
        input.config.kind,
        this.secrets.seal(JSON.stringify(input.config)),
        endpointOf(input.config),
        id,
      ).changes;
    return changed ? this.targets().find((t) => t.id === id) : undefined;
  }

  removeTarget(id: number): boolean {
    return this.db.prepare("DELETE FROM alert_targets WHERE id = ?").run(id).changes > 0;
  }

  // --- alerts

  openAlert(ruleId: number, subject: string): StoredAlert | undefined {
    const r = this.db
      .prepare<[number, string], AlertRow>(
        "SELECT * FROM alerts WHERE rule_id = ? AND subject = ? AND state = 'firing' ORDER BY id DESC LIMIT 1",
      )
      .get(ruleId, subject);
    return r && toAlert(r);
  }

  firing(): StoredAlert[] {
    return this.db
      .prepare<[], AlertRow>("SELECT * FROM alerts WHERE state = 'firing' ORDER BY id")
      .all()
      .map(toAlert);
  }

  /** When the rule last notified about this subject: a firing within the cooldown is recorded, not sent. */
  lastStarted(ruleId: number, subject: string): number | undefined {
    return (
      this.db
        .prepare<[number, string], { t: number | null }>(
          "SELECT max(started_at) AS t FROM alerts WHERE rule_id = ? AND subject = ? AND silenced = 0",
        )
        .get(ruleId, subject)?.t ?? undefined
    );
  }

  open(rule: Rule, f: Firing, silenced: boolean, now: number): StoredAlert {
    const r = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO alerts (rule_id, rule_name, kind, subject, state, host_id, container_id, container_name, project,
           service, labels, summary, details, count, started_at, last_at, silenced)
         VALUES (?, ?, ?, ?, 'firing', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
      )
      .get(
        rule.id,
        rule.name,
        rule.kind,
        f.subject,
        f.hostId,
        f.containerId ?? null,
        f.containerName ?? null,
        f.project ?? null,
        f.service ?? null,
        JSON.stringify(f.labels ?? {}),
        f.summary,
        JSON.stringify(f.details),
        now,
        now,
        silenced ? 1 : 0,
      );
    const a = this.alert(r?.id ?? 0) as StoredAlert;
    for (const fn of this.watchers) fn(a, "opened");
    return a;
  }

  /** The condition was met again while the alert fires: counted, with the latest details. */
  again(id: number, f: Firing, now: number): void {
    this.db
      .prepare("UPDATE alerts SET count = count + 1, last_at = ?, summary = ?, details = ? WHERE id = ?")
      .run(now, f.summary, JSON.stringify(f.details), id);
    this.changed(id, "again");
  }

  resolve(id: number, now: number): StoredAlert | undefined {
    const changed = this.db
      .prepare("UPDATE alerts SET state = 'resolved', resolved_at = ? WHERE id = ? AND state = 'firing'")
      .run(now, id).changes;
    if (!changed) return undefined;
    const a = this.alert(id) as StoredAlert;
    for (const fn of this.watchers) fn(a, "resolved");
    return a;
  }

  ack(id: number, by: string, now: number): void {
    this.db.prepare("UPDATE alerts SET acked_by = ?, acked_at = ? WHERE id = ?").run(by, now, id);
    this.changed(id, "acked");
  }

  alert(id: number): StoredAlert | undefined {
    const r = this.db.prepare<[number], AlertRow>("SELECT * FROM alerts WHERE id = ?").get(id);
    if (!r) return undefined;
    const a = toAlert(r);
    a.deliveries = this.db
      .prepare<[number], DeliveryRow>("SELECT * FROM alert_deliveries WHERE alert_id = ? ORDER BY id")
      .all(id)
      .map((d) => ({
        targetId: d.target_id,
        event: d.event === "test" ? "firing" : d.event,
        status: d.status,
        attempts: d.attempts,
        ...(d.last_error ? { error: d.last_error } : {}),
      }));
    return a;
  }

  /** Firing ones first, then the most recent; at most `limit`. */
  list(limit: number): StoredAlert[] {
    const ids = this.db
      .prepare<[number], { id: number }>(
        "SELECT id FROM alerts ORDER BY state = 'firing' DESC, started_at DESC LIMIT ?",
      )
      .all(limit);
    return ids.flatMap((r) => this.alert(r.id) ?? []);
  }

  // --- deliveries

  enqueue(
    alertId: number | null,
    targetId: number,
    event: AlertState | "test",
    payload: unknown,
    now: number,
  ): void {
    this.db
      .prepare(
        "INSERT INTO alert_deliveries (alert_id, target_id, event, status, next_at, created_at, payload) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
      )
      .run(alertId, targetId, event, now, now, JSON.stringify(payload));
  }

  due(now: number, limit = 20): DeliveryRow[] {
    return this.db
      .prepare<[number, number], DeliveryRow>(
        "SELECT * FROM alert_deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?",
      )
      .all(now, limit);
  }

  nextDue(): number | undefined {
    return (
      this.db
        .prepare<[], { t: number | null }>(
          "SELECT min(next_at) AS t FROM alert_deliveries WHERE status = 'pending'",
        )
        .get()?.t ?? undefined
    );
  }

  delivered(id: number, now: number): void {
    this.db
      .prepare(
        "UPDATE alert_deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?",
      )
      .run(now, id);
  }

  deliveryFailed(id: number, error: string, retryAt: number | undefined): void {
    this.db
      .prepare(
        "UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ?, status = ?, next_at = coalesce(?, next_at) WHERE id = ?",
      )
      .run(error.slice(0, 1000), retryAt === undefined ? "failed" : "pending", retryAt ?? null, id);
  }

  delivery(id: number): DeliveryRow | undefined {
    return this.db.prepare<[number], DeliveryRow>("SELECT * FROM alert_deliveries WHERE id = ?").get(id);
  }

  // --- silences

  silences(now: number): Silence[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          rule_id: number | null;
          host_id: string | null;
          subject: string | null;
          starts_at: number;
          ends_at: number;
          comment: string;
          created_by: string;
          created_at: number;
        }
      >("SELECT * FROM alert_silences WHERE ends_at > ? ORDER BY id")
      .all(now)
      .map((r) => ({
        id: r.id,
        ...(r.rule_id ? { ruleId: r.rule_id } : {}),
        ...(r.host_id ? { hostId: r.host_id } : {}),
        ...(r.subject ? { subject: r.subject } : {}),
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        comment: r.comment,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }));
  }

  addSilence(s: SilenceInput, owner: string, by: string, now: number): Silence {
    const r = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO alert_silences (rule_id, host_id, subject, starts_at, ends_at, comment, owner, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        s.ruleId ?? null,
        s.hostId ?? null,
        s.subject ?? null,
        s.startsAt ?? now,
        s.endsAt,
        s.comment,
        owner,
        by,
        now,
      );
    return this.silences(0).find((x) => x.id === r?.id) as Silence;
  }

  /** The label selector of the scope that set a silence ('' for none). */
  silenceOwner(id: number): string | undefined {
    return this.db
      .prepare<[number], { owner: string }>("SELECT owner FROM alert_silences WHERE id = ?")
      .get(id)?.owner;
  }

  removeSilence(id: number): boolean {
    return this.db.prepare("DELETE FROM alert_silences WHERE id = ?").run(id).changes > 0;
  }
}
