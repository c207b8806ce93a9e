import { alertVolume, type Rule } from "../../lib/alerts";
import type { HostRegistry } from "../engines/host-registry";
import type { MetricsCollector } from "../metrics/collector";
import type { AlertStore, StoredAlert } from "./alert-store";
import { DeliveryWorker } from "./deliver";
import { AlertEvaluator, type EvaluatorSources } from "./evaluator";
import type { Notice } from "./formats";

/** The alert pipeline: rules evaluated against events, stats, disks and registries; notifications queued and sent. */
export class AlertService {
  readonly evaluator: AlertEvaluator;
  readonly worker: DeliveryWorker;

  constructor(
    readonly store: AlertStore,
    hosts: HostRegistry,
    collector: MetricsCollector,
    private readonly publicUrl: () => string,
    sources: EvaluatorSources,
  ) {
    this.worker = new DeliveryWorker(store);
    this.evaluator = new AlertEvaluator(
      hosts,
      store,
      collector,
      {
        firing: (rule, a) => this.notify(rule, a, "firing"),
        resolved: (rule, a) => this.notify(rule, a, "resolved"),
      },
      sources,
    );
  }

  start(): void {
    this.evaluator.start();
    this.worker.start();
  }

  close(): void {
    this.evaluator.close();
    this.worker.close();
  }

  link(a: Pick<StoredAlert, "hostId" | "containerId" | "details">): string {
    const base = this.publicUrl();
    if (a.containerId) return `${base}/hosts/${a.hostId}/containers/${a.containerId}`;
    return alertVolume(a) ? `${base}/hosts/${a.hostId}/volumes` : `${base}/hosts/${a.hostId}`;
  }

  notice(a: StoredAlert, event: Notice["event"]): Notice {
    const { subject: _s, labels: _l, lastAt: _t, ...view } = a;
    return { event, alert: { ...view, deliveries: [] }, link: this.link(a) };
  }

  private notify(rule: Rule, a: StoredAlert, event: "firing" | "resolved"): void {
    const now = Date.now();
    for (const t of rule.targets) this.store.enqueue(a.id, t, event, this.notice(a, event), now);
    if (rule.targets.length) this.worker.kick();
  }

  /** A target's "send test": a made-up alert, queued like any other so its result shows the same way. */
  test(targetId: number, by: string): void {
    const now = Date.now();
    const alert: StoredAlert = {
      id: 0,
      ruleId: 0,
      ruleName: "Test from Wharf",
      kind: "exit",
      state: "firing",
      hostId: "wharf",
      summary: `a test notification sent by ${by}`,
      details: {},
      count: 1,
      startedAt: now,
      silenced: false,
      deliveries: [],
      subject: "test",
      labels: {},
      lastAt: now,
    };
    this.store.enqueue(
      null,
      targetId,
      "test",
      { ...this.notice(alert, "test"), link: this.publicUrl() },
      now,
    );
    this.worker.kick();
  }
}
