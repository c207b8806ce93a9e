import { describe, expect, it } from "vitest";
import type { Result } from "@/lib/errors";
import type { JobSnapshot, JobUpdate } from "@/lib/images/types";
import { JobStore, type JobSocket } from "./job-store";

const job = (over: Partial<JobSnapshot>): JobSnapshot => ({
  jobId: "j1",
  kind: "pull",
  hostId: "edge",
  ref: "localhost:5000/busybox:1.35",
  state: "running",
  user: "admin",
  startedAt: 1,
  layers: [],
  log: [],
  ...over,
});

/** A socket.io client's surface, recording what the store sends; the server's answers are given per test. */
class RecordingSocket implements JobSocket {
  connected = true;
  sent: string[] = [];
  handlers = new Map<string, Set<(...args: never[]) => void>>();
  answer: Result<{ jobs: JobSnapshot[] }> = { ok: true, data: { jobs: [] } };

  on(event: string, fn: (...args: never[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(fn);
    return this;
  }
  off(event: string, fn: (...args: never[]) => void) {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  emit(event: "jobs:unwatch", _p: Record<string, never>, ack: () => void) {
    this.sent.push(event);
    ack();
    return this;
  }
  timeout() {
    return {
      emit: (
        event: "jobs:watch",
        _p: { hostId?: string },
        ack: (err: Error | null, res?: Result<{ jobs: JobSnapshot[] }>) => void,
      ) => {
        this.sent.push(event);
        ack(null, this.answer);
        return this;
      },
    };
  }
  fire(event: string, arg?: unknown) {
    for (const fn of this.handlers.get(event) ?? []) (fn as (a?: unknown) => void)(arg);
  }
  listeners(event: string) {
    return this.handlers.get(event)?.size ?? 0;
  }
}

describe("JobStore", () => {
  it("watches once for every subscriber, and unwatches when the last one leaves", () => {
    const socket = new RecordingSocket();
    const store = new JobStore(socket, () => {});
    const a = store.subscribe(() => {});
    const b = store.subscribe(() => {});
    expect(socket.sent).toEqual(["jobs:watch"]);
    a();
    expect(socket.sent).toEqual(["jobs:watch"]);
    b();
    expect(socket.sent).toEqual(["jobs:watch", "jobs:unwatch"]);
    expect(socket.listeners("job:update") + socket.listeners("connect")).toBe(0);
  });

  it("watches again after a reconnect and takes the server's current jobs", () => {
    const socket = new RecordingSocket();
    const store = new JobStore(socket, () => {});
    store.subscribe(() => {});
    socket.answer = { ok: true, data: { jobs: [job({ jobId: "while-away", state: "done" })] } };
    socket.fire("connect");
    expect(socket.sent).toEqual(["jobs:watch", "jobs:watch"]);
    expect(store.getSnapshot().map((j) => j.jobId)).toEqual(["while-away"]);
  });

  it("applies updates, keeps running jobs first, and reports each job's end once", () => {
    const socket = new RecordingSocket();
    const finished: string[] = [];
    const store = new JobStore(socket, (u) => finished.push(`${u.jobId}:${u.state}`));
    let renders = 0;
    store.subscribe(() => renders++);
    const update = (over: Partial<JobUpdate>) => socket.fire("job:update", job(over));
    update({ jobId: "old", state: "done", startedAt: 1 });
    update({ jobId: "new", startedAt: 2, log: ["Step 1/2"] });
    update({ jobId: "new", startedAt: 2, log: ["Step 2/2"] });
    update({ jobId: "old", state: "done", startedAt: 1 });
    expect(store.getSnapshot().map((j) => j.jobId)).toEqual(["new", "old"]);
    expect(store.getSnapshot()[0]?.log).toEqual(["Step 1/2", "Step 2/2"]);
    expect(finished).toEqual(["old:done"]);
    expect(renders).toBeGreaterThanOrEqual(4);
  });

  it("keeps the server's refusal to watch, for the caller to show", () => {
    const socket = new RecordingSocket();
    socket.answer = { ok: false, error: { code: "FORBIDDEN", message: "no access to host edge" } };
    const store = new JobStore(socket, () => {});
    store.subscribe(() => {});
    expect(store.getError()).toBe("no access to host edge");
  });
});
