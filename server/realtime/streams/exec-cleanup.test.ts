import type Dockerode from "dockerode";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { HostConnection } from "../../engines/host-connection";
import { CleanupQueue } from "./exec-cleanup";

const endExecProcess = vi.hoisted(() => vi.fn());
vi.mock("../../engines/exec-kill", () => ({ endExecProcess }));

const host = (up: boolean) => ({ isUp: up, spec: { id: "h" } }) as unknown as HostConnection;
const exec = {} as Dockerode.Exec;

beforeEach(() => {
  endExecProcess.mockReset();
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("CleanupQueue", () => {
  it("retries after the delay, only while the host is up, until the end succeeds", async () => {
    const q = new CleanupQueue();
    const down = host(false);
    q.add(down, "c1", exec, 10, 0);
    await q.tick(1000);
    expect(endExecProcess).not.toHaveBeenCalled();
    await q.tick(6000);
    expect(endExecProcess).not.toHaveBeenCalled();
    (down as { isUp: boolean }).isUp = true;
    endExecProcess.mockRejectedValueOnce(new Error("still unreachable"));
    await q.tick(6000);
    expect(q.size).toBe(1);
    await q.tick(8000);
    expect(q.size).toBe(1);
    endExecProcess.mockResolvedValueOnce({ wasRunning: true, signalled: 2 });
    await q.tick(11_001);
    expect(endExecProcess).toHaveBeenCalledTimes(2);
    expect(endExecProcess).toHaveBeenLastCalledWith(down, "c1", exec, 10);
    expect(q.size).toBe(0);
  });

  it("gives up after an hour, when the pid can no longer be trusted", async () => {
    const q = new CleanupQueue();
    q.add(host(false), "c1", exec, 10, 0);
    await q.tick(60 * 60 * 1000 + 1);
    expect(q.size).toBe(0);
    expect(endExecProcess).not.toHaveBeenCalled();
  });

  it("keeps jobs added while a tick is waiting on the engine", async () => {
    const q = new CleanupQueue();
    let release: () => void = () => undefined;
    endExecProcess.mockImplementationOnce(() => new Promise<void>((r) => (release = r)));
    q.add(host(true), "c1", exec, 10, 0);
    const tick = q.tick(6000);
    q.add(host(true), "c2", exec, 11, 6000);
    release();
    await tick;
    expect(q.size).toBe(1);
  });
});
