import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobUpdate } from "../../lib/images/types";
import { JobManager } from "./jobs";

/** The engine's side of a job: a stream the test writes progress lines into. */
function engineStream() {
  const s = new PassThrough();
  const line = (o: unknown) => s.write(`${JSON.stringify(o)}\n`);
  return { s, line, open: () => Promise.resolve(s) };
}

afterEach(() => vi.useRealTimers());

describe("JobManager", () => {
  it("joins a second pull of the same ref on the same host, but not on another host", () => {
    const m = new JobManager();
    const e = engineStream();
    const a = m.start({ kind: "pull", hostId: "edge", ref: "x:1", user: "u" }, { open: e.open });
    const b = m.start({ kind: "pull", hostId: "edge", ref: "x:1", user: "v" }, { open: e.open });
    const c = m.start(
      { kind: "pull", hostId: "local", ref: "x:1", user: "v" },
      { open: engineStream().open },
    );
    expect(b.joined).toBe(true);
    expect(b.job).toBe(a.job);
    expect(c.joined).toBe(false);
    m.cancelAll("test");
  });

  it("throttles updates per job and always sends the final state", async () => {
    vi.useFakeTimers();
    const m = new JobManager({ throttleMs: 250 });
    const updates: JobUpdate[] = [];
    m.on("update", (u) => updates.push(u));
    const e = engineStream();
    const { job } = m.start({ kind: "pull", hostId: "edge", ref: "x:1", user: "u" }, { open: e.open });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 50; i++) {
      e.line({
        status: "Downloading",
        id: "f7591f02886d",
        progressDetail: { current: i * 100, total: 5000 },
      });
      await vi.advanceTimersByTimeAsync(10);
    }
    // 500 ms of progress: the first update, then at most one per 250 ms.
    expect(updates.length).toBeLessThanOrEqual(4);
    e.line({ status: "Pull complete", id: "f7591f02886d" });
    e.s.end();
    await job.done;
    await vi.advanceTimersByTimeAsync(0);
    const last = updates.at(-1);
    expect(last?.state).toBe("done");
    expect(last?.layers).toEqual([{ id: "f7591f02886d", phase: "done", status: "Pull complete" }]);
  });

  it("sends each log line once, in the update after it arrived", async () => {
    const m = new JobManager({ throttleMs: 0 });
    const updates: JobUpdate[] = [];
    m.on("update", (u) => updates.push(u));
    const e = engineStream();
    const { job } = m.start({ kind: "build", hostId: "edge", ref: "x:1", user: "u" }, { open: e.open });
    e.line({ stream: "Step 1/2 : FROM a\n" });
    await new Promise((r) => setImmediate(r));
    e.line({ stream: "Step 2/2 : CMD b\n" });
    e.s.end();
    await job.done;
    expect(updates.flatMap((u) => u.log)).toEqual(["Step 1/2 : FROM a", "Step 2/2 : CMD b"]);
    expect(job.snapshot().log).toEqual(["Step 1/2 : FROM a", "Step 2/2 : CMD b"]);
  });

  it("cancels by destroying the engine stream, and a waiter gets a conflict naming who cancelled", async () => {
    const m = new JobManager();
    const e = engineStream();
    const { job } = m.start({ kind: "pull", hostId: "edge", ref: "x:1", user: "u" }, { open: e.open });
    await new Promise((r) => setImmediate(r));
    expect(job.cancel("alice")).toBe(true);
    await job.done;
    expect(e.s.destroyed).toBe(true);
    expect(job.state).toBe("cancelled");
    expect(job.outcome()?.message).toMatch(/cancelled by alice/);
    expect(job.cancel("bob")).toBe(false);
    // A new pull of the same ref starts afresh once the old one ended.
    const again = m.start(
      { kind: "pull", hostId: "edge", ref: "x:1", user: "u" },
      { open: engineStream().open },
    );
    expect(again.joined).toBe(false);
    m.cancelAll("test");
  });

  it("turns an in-stream engine error into the job's error", async () => {
    const m = new JobManager();
    const e = engineStream();
    const { job } = m.start({ kind: "pull", hostId: "edge", ref: "x:1", user: "u" }, { open: e.open });
    e.line({ errorDetail: { message: "manifest unknown" }, error: "manifest unknown" });
    e.s.end();
    await job.done;
    expect(job.state).toBe("error");
    expect(job.snapshot().error).toBe("manifest unknown");
  });

  it("refuses a client-chosen job id that is taken", () => {
    const m = new JobManager();
    m.start(
      { kind: "build", hostId: "edge", ref: "a", user: "u", jobId: "job-12345678" },
      { open: engineStream().open },
    );
    expect(() =>
      m.start(
        { kind: "build", hostId: "edge", ref: "b", user: "u", jobId: "job-12345678" },
        { open: engineStream().open },
      ),
    ).toThrow(/already exists/);
    m.cancelAll("test");
  });
});

describe("a stream that breaks off", () => {
  it("fails the job instead of calling it done", async () => {
    const m = new JobManager();
    const e = engineStream();
    let completed = false;
    const { job } = m.start(
      { kind: "pull", hostId: "edge", ref: "x:1", user: "u" },
      {
        open: e.open,
        complete: () => {
          completed = true;
          return "sha256:x";
        },
      },
    );
    e.line({ status: "Downloading", id: "f7591f02886d", progressDetail: { current: 1, total: 9 } });
    await new Promise((r) => setImmediate(r));
    e.s.destroy();
    await job.done;
    expect(job.state).toBe("error");
    expect(job.outcome()?.message).toMatch(/closed the pull stream before it ended/);
    expect(completed).toBe(false);
  });
});
