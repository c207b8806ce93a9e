import { performance } from "node:perf_hooks";
import type { ContainerList, HostSummary } from "../../lib/types";
import { httpRequest, type HttpTarget } from "./http-get";

export interface Sample {
  /** Bench clock when the answer was complete, and when the request was sent. */
  at: number;
  sentAt: number;
  ok: boolean;
  why?: string;
}

export interface DeadSample {
  at: number;
  sentAt: number;
  /** The host's status in `GET /api/v1/hosts`. */
  status?: string;
  /** HTTP status of its container list, and how many containers it held when 200. */
  list?: number;
  items?: number;
}

export interface MergedSample extends Sample {
  /** Containers of the dead host in the merged list, and whether the list named it in errors. */
  deadItems: number;
  deadInErrors: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Containers whose ids the list lacks or has in excess, against the expected set. */
function diff(expected: ReadonlySet<string>, got: readonly string[]): string | undefined {
  const seen = new Set(got);
  const missing = [...expected].filter((id) => !seen.has(id)).length;
  const extra = got.filter((id) => !expected.has(id)).length;
  return missing || extra ? `${missing} missing, ${extra} unexpected` : undefined;
}

/**
 * Wharf's lists polled while a host dies and returns: every other host's own list (two loops, each
 * taking the hosts in turn, up to 40 lists a second), the merged list, and the dead host's status and list.
 */
export class FaultPollers {
  readonly perHost: (Sample & { hostId: string })[] = [];
  readonly merged: MergedSample[] = [];
  readonly dead: DeadSample[] = [];
  private running = true;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly wharf: HttpTarget,
    /** Container ids of every host that stays up. */
    private readonly expected: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly deadId: string,
  ) {}

  start(): void {
    const hosts = [...this.expected.keys()];
    let next = 0;
    const perHost = async () => {
      while (this.running) {
        const hostId = hosts[next++ % hosts.length] as string;
        this.perHost.push({ hostId, ...(await this.hostList(hostId)) });
        await sleep(25);
      }
    };
    this.loops = [perHost(), perHost(), this.mergedLoop(), this.deadLoop()];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async get<T>(path: string): Promise<{ status: number; value?: T; error?: string }> {
    try {
      const r = await httpRequest(this.wharf, "GET", path, { timeoutMs: 15_000 });
      return r.status === 200
        ? { status: 200, value: JSON.parse(r.body.toString("utf8")) as T }
        : { status: r.status, error: r.body.toString("utf8").slice(0, 120) };
    } catch (err) {
      return { status: 0, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private async hostList(hostId: string): Promise<Sample> {
    const sentAt = performance.now();
    const r = await this.get<ContainerList>(`/api/v1/hosts/${hostId}/containers`);
    const at = performance.now();
    if (!r.value) return { at, sentAt, ok: false, why: `HTTP ${r.status} ${r.error ?? ""}` };
    const why = diff(
      this.expected.get(hostId) ?? new Set(),
      r.value.items.map((c) => c.id),
    );
    return why ? { at, sentAt, ok: false, why } : { at, sentAt, ok: true };
  }

  private async mergedLoop(): Promise<void> {
    while (this.running) {
      const sentAt = performance.now();
      const r = await this.get<ContainerList>("/api/v1/containers");
      const at = performance.now();
      if (!r.value) {
        this.merged.push({
          at,
          sentAt,
          ok: false,
          why: `HTTP ${r.status}`,
          deadItems: 0,
          deadInErrors: false,
        });
      } else {
        const byHost = new Map<string, string[]>();
        for (const c of r.value.items) {
          const ids = byHost.get(c.hostId) ?? [];
          ids.push(c.id);
          byHost.set(c.hostId, ids);
        }
        const bad = [...this.expected]
          .map(([hostId, ids]) => [hostId, diff(ids, byHost.get(hostId) ?? [])] as const)
          .filter(([, why]) => why)
          .map(([hostId, why]) => `${hostId}: ${why}`);
        const others = (r.value.errors ?? []).filter((e) => e.hostId !== this.deadId);
        if (others.length) bad.push(...others.map((e) => `${e.hostId} in errors: ${e.code}`));
        this.merged.push({
          at,
          sentAt,
          ok: bad.length === 0,
          ...(bad.length ? { why: bad.join("; ") } : {}),
          deadItems: byHost.get(this.deadId)?.length ?? 0,
          deadInErrors: (r.value.errors ?? []).some((e) => e.hostId === this.deadId),
        });
      }
      await sleep(250);
    }
  }

  private async deadLoop(): Promise<void> {
    while (this.running) {
      const sentAt = performance.now();
      const [hosts, list] = await Promise.all([
        this.get<{ items: HostSummary[] }>("/api/v1/hosts"),
        this.get<ContainerList>(`/api/v1/hosts/${this.deadId}/containers`),
      ]);
      this.dead.push({
        at: performance.now(),
        sentAt,
        status: hosts.value?.items.find((h) => h.id === this.deadId)?.status,
        list: list.status,
        ...(list.value ? { items: list.value.items.length } : {}),
      });
      await sleep(100);
    }
  }
}
