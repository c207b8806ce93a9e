import nodemailer from "nodemailer";
import type { TargetConfig } from "../../lib/alerts";
import { asError } from "../../lib/errors";
import type { AlertStore, DeliveryRow } from "./alert-store";
import { facts, httpMessage, title, type Notice } from "./formats";

/** Waits before each retry of a failed delivery; after the last, it is given up and shown as failed. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];
const SEND_TIMEOUT_MS = 10_000;
const POLL_MS = 1000;

export interface DeliveryCounters {
  sent: number;
  failed: number;
  retried: number;
}

/** Sends one notice to one target; throws with the receiver's own words when it refuses. */
export async function send(config: TargetConfig, notice: Notice): Promise<void> {
  if (config.kind === "email") {
    const mail = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    try {
      await mail.sendMail({
        from: config.from,
        to: config.to,
        subject: title(notice),
        text: facts(notice).join("\n"),
      });
    } finally {
      mail.close();
    }
    return;
  }
  const m = httpMessage(config, notice);
  const res = await fetch(m.url, {
    method: "POST",
    headers: m.headers,
    body: m.body,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: "error",
  });
  const text = await res.text().catch(() => "");
  if (!res.ok) throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ""}`);
  // The Chinese robots answer 200 with an error code in the body.
  const code = robotError(config.kind, text);
  if (code) throw new Error(code);
}

function robotError(kind: TargetConfig["kind"], text: string): string | undefined {
  if (kind !== "dingtalk" && kind !== "wecom" && kind !== "feishu") return undefined;
  try {
    const b = JSON.parse(text) as { errcode?: number; errmsg?: string; code?: number; msg?: string };
    const code = b.errcode ?? b.code;
    if (code !== undefined && code !== 0)
      return `${kind} answered ${code}: ${b.errmsg ?? b.msg ?? ""}`.trim();
  } catch {
    // Not JSON: the status already said it was taken.
  }
  return undefined;
}

/**
 * Sends queued deliveries, retrying a failure with backoff. The queue is in the database, so a
 * restart resumes it; one delivery at a time per worker keeps a slow receiver from piling up sockets.
 */
export class DeliveryWorker {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private closed = false;
  readonly counters: DeliveryCounters = { sent: 0, failed: 0, retried: 0 };
  private readonly listeners = new Set<(d: DeliveryRow, ok: boolean) => void>();

  constructor(
    private readonly store: AlertStore,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.closed || this.timer) return;
    this.timer = setInterval(() => void this.run(), POLL_MS);
    this.timer.unref();
  }

  /** Runs the queue now (a new alert should not wait for the next poll). */
  kick(): void {
    setImmediate(() => void this.run());
  }

  onDelivered(fn: (d: DeliveryRow, ok: boolean) => void): void {
    this.listeners.add(fn);
  }

  async run(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      for (;;) {
        const due = this.store.due(this.now());
        if (!due.length) break;
        for (const d of due) await this.one(d);
      }
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  private async one(d: DeliveryRow): Promise<void> {
    const target = (() => {
      try {
        return this.store.targetConfig(d.target_id);
      } catch (err) {
        return asError(err);
      }
    })();
    if (!target || target instanceof Error) {
      this.store.deliveryFailed(
        d.id,
        target ? `target unreadable: ${target.message}` : "the target was removed",
        undefined,
      );
      this.counters.failed++;
      return;
    }
    try {
      await send(target.config, JSON.parse(d.payload) as Notice);
      this.store.delivered(d.id, this.now());
      this.counters.sent++;
      for (const fn of this.listeners) fn(d, true);
    } catch (err) {
      const delay = RETRY_DELAYS_MS[d.attempts];
      this.store.deliveryFailed(
        d.id,
        asError(err).message,
        delay === undefined ? undefined : this.now() + delay,
      );
      if (delay === undefined) this.counters.failed++;
      else this.counters.retried++;
      for (const fn of this.listeners) fn(d, false);
    }
  }
}
