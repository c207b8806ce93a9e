import type Dockerode from "dockerode";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContainerEvent, HostStatusEvent } from "../../lib/realtime/events";
import {
  backoffDelay,
  DEFAULT_TIMING,
  HostConnection,
  MISSED_PINGS_TOLERATED,
  type HealthTiming,
} from "./host-connection";
import type { HostSpec } from "./host-spec";
import { STREAM_EVENT_TYPES } from "./system-events";

const timing: HealthTiming = { upIntervalMs: 1000, minBackoffMs: 100, maxBackoffMs: 400, pingTimeoutMs: 50 };

const spec: HostSpec = {
  id: "edge",
  name: "Edge",
  kind: "tcp",
  url: "tcp://edge:2375",
  connection: { protocol: "http", host: "edge", port: 2375 },
};

type EventsCallback = (err: Error | null, stream?: PassThrough) => void;

function fakeDocker() {
  const streams: PassThrough[] = [];
  const docker = {
    ping: vi.fn((_opts: { abortSignal?: AbortSignal }) => Promise.resolve("OK")),
    version: vi.fn((_opts: { abortSignal?: AbortSignal }) =>
      Promise.resolve({
        Version: "20.10.24",
        ApiVersion: "1.41",
      }),
    ),
    // The live container list's engine calls: an empty engine.
    modem: { dial: vi.fn((_opts: unknown, cb: (err: null, data: unknown) => void) => cb(null, [])) },
    getEvents: vi.fn((_opts: unknown, cb: EventsCallback) => {
      const stream = new PassThrough();
      streams.push(stream);
      cb(null, stream);
    }),
  };
  return { docker, streams };
}

/** Lets pending promise callbacks and stream events (nextTick) run; timers stay frozen. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const connections: HostConnection[] = [];

function connect(
  docker: ReturnType<typeof fakeDocker>["docker"],
  hostSpec: HostSpec = spec,
  health: HealthTiming = timing,
) {
  const conn = new HostConnection(hostSpec, health, docker as unknown as Dockerode, {
    batchMs: 0,
    reconcileMs: 0,
    retryMs: 100,
  });
  connections.push(conn);
  const statuses: HostStatusEvent[] = [];
  const events: ContainerEvent[] = [];
  conn.on("status", (e) => statuses.push(e));
  conn.on("container", (e) => events.push(e));
  return { conn, statuses, events };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 1_000_000 });
});

afterEach(() => {
  for (const c of connections.splice(0)) c.stop();
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("doubles from the minimum and caps at the maximum", () => {
    const delays = [1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, DEFAULT_TIMING));

    expect(delays).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });

  it("treats zero failures like the first", () => {
    expect(backoffDelay(0, timing)).toBe(100);
  });
});

describe("HostConnection", () => {
  it("starts in the connecting state", () => {
    const { docker } = fakeDocker();
    const { conn } = connect(docker);

    expect(conn.summary()).toEqual({
      id: "edge",
      name: "Edge",
      kind: "tcp",
      status: "connecting",
      since: 1_000_000,
      source: "config",
      url: "tcp://edge:2375",
    });
    expect(conn.isUp).toBe(false);
    expect(docker.ping).not.toHaveBeenCalled();
  });

  it("reports a host an admin added as managed", () => {
    const { docker } = fakeDocker();
    const { conn } = connect(docker, { ...spec, source: "managed" });

    expect(conn.summary()).toMatchObject({ source: "managed", url: "tcp://edge:2375" });
  });

  it("reports a host from the configuration as config when its spec says so", () => {
    const { docker } = fakeDocker();
    const { conn } = connect(docker, { ...spec, source: "config" });

    expect(conn.summary().source).toBe("config");
  });

  it("goes up with the engine version once ping and version succeed", async () => {
    const { docker } = fakeDocker();
    const { conn, statuses } = connect(docker);
    vi.setSystemTime(1_000_500);

    conn.start();
    await settle();

    expect(conn.isUp).toBe(true);
    expect(conn.summary()).toEqual({
      id: "edge",
      name: "Edge",
      kind: "tcp",
      status: "up",
      since: 1_000_500,
      engineVersion: "20.10.24",
      apiVersion: "1.41",
      engine: { kind: "docker", version: "20.10.24", apiVersion: "1.41" },
      source: "config",
      url: "tcp://edge:2375",
    });
    expect(statuses).toEqual([
      {
        hostId: "edge",
        status: "up",
        engineVersion: "20.10.24",
        apiVersion: "1.41",
        engine: { kind: "docker", version: "20.10.24", apiVersion: "1.41" },
      },
    ]);
    expect(docker.ping.mock.calls[0]?.[0].abortSignal).toBeInstanceOf(AbortSignal);
    expect(docker.getEvents).toHaveBeenCalledWith(
      { filters: { type: [...STREAM_EVENT_TYPES] } },
      expect.any(Function),
    );
  });

  it("pings again every up interval without asking the version again", async () => {
    const { docker } = fakeDocker();
    const { conn, statuses } = connect(docker);
    conn.start();
    await settle();

    await vi.advanceTimersByTimeAsync(999);
    expect(docker.ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(docker.ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);

    expect(docker.ping).toHaveBeenCalledTimes(3);
    expect(docker.version).toHaveBeenCalledTimes(1);
    expect(statuses).toHaveLength(1);
  });

  it("goes down with the error message when ping rejects", async () => {
    const { docker } = fakeDocker();
    docker.ping.mockRejectedValue(new Error("connect ECONNREFUSED 10.0.0.5:2375"));
    const { conn, statuses } = connect(docker);

    conn.start();
    await settle();

    expect(conn.summary()).toMatchObject({ status: "down", error: "connect ECONNREFUSED 10.0.0.5:2375" });
    expect(statuses).toEqual([
      { hostId: "edge", status: "down", error: "connect ECONNREFUSED 10.0.0.5:2375" },
    ]);
    expect(docker.version).not.toHaveBeenCalled();
    expect(docker.getEvents).not.toHaveBeenCalled();
  });

  it("goes down when a ping does not answer within the ping timeout", async () => {
    const { docker } = fakeDocker();
    docker.ping.mockImplementation(
      (opts: { abortSignal?: AbortSignal }) =>
        new Promise<string>((_resolve, reject) =>
          opts.abortSignal?.addEventListener("abort", () => reject(opts.abortSignal?.reason as Error)),
        ),
    );
    const { conn } = connect(docker);
    conn.start();
    await vi.advanceTimersByTimeAsync(timing.pingTimeoutMs - 1);
    expect(conn.summary().status).toBe("connecting");

    await vi.advanceTimersByTimeAsync(1);

    expect(conn.summary()).toMatchObject({
      status: "down",
      error: expect.stringMatching(/^timed out: no answer within/),
    });
  });

  it("gives the first contact its own, longer deadline, and later pings the short one", async () => {
    const { docker } = fakeDocker();
    const hang = (opts: { abortSignal?: AbortSignal }) =>
      new Promise<string>((_resolve, reject) =>
        opts.abortSignal?.addEventListener("abort", () => reject(opts.abortSignal?.reason as Error)),
      );
    docker.ping.mockImplementation(hang);
    const { conn } = connect(docker, spec, { ...timing, connectTimeoutMs: 400 });
    conn.start();
    await vi.advanceTimersByTimeAsync(399);
    expect(conn.summary().status).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1);
    expect(conn.summary()).toMatchObject({ status: "down", error: "timed out: no answer within 400 ms" });
    // Once down, a retry has the ping's deadline.
    await vi.advanceTimersByTimeAsync(timing.minBackoffMs + timing.pingTimeoutMs);
    expect(conn.summary()).toMatchObject({ status: "down", error: "timed out: no answer within 50 ms" });
  });

  it("uses the engine's own message for an HTTP error", async () => {
    const { docker } = fakeDocker();
    const err = Object.assign(new Error("(HTTP code 500) server error - daemon is shutting down "), {
      statusCode: 500,
      json: { message: "daemon is shutting down" },
    });
    docker.ping.mockRejectedValue(err);
    const { conn } = connect(docker);

    conn.start();
    await settle();

    expect(conn.summary().error).toBe("daemon is shutting down");
  });

  it("goes down when the version call fails after a good ping", async () => {
    const { docker } = fakeDocker();
    docker.version.mockRejectedValue(new Error("socket hang up"));
    const { conn } = connect(docker);

    conn.start();
    await settle();

    expect(conn.summary()).toMatchObject({ status: "down", error: "socket hang up" });
  });

  it("retries with backoff and comes back up", async () => {
    const { docker } = fakeDocker();
    docker.ping
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"));
    const { conn, statuses } = connect(docker);

    conn.start();
    await settle();
    expect(docker.ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(docker.ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(docker.ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(docker.ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(docker.ping).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(399);
    expect(conn.summary().status).toBe("down");
    await vi.advanceTimersByTimeAsync(1);

    expect(docker.ping).toHaveBeenCalledTimes(4);
    expect(conn.summary()).toMatchObject({ status: "up", engineVersion: "20.10.24" });
    expect(conn.summary().error).toBeUndefined();
    expect(statuses.map((s) => s.status)).toEqual(["down", "up"]);
  });

  it("caps the retry delay at the maximum backoff", async () => {
    const { docker } = fakeDocker();
    docker.ping.mockRejectedValue(new Error("connect ECONNREFUSED"));
    const { conn } = connect(docker);
    conn.start();
    await settle();

    await vi.advanceTimersByTimeAsync(100 + 200 + 400);
    expect(docker.ping).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(400);
    expect(docker.ping).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(400);

    expect(docker.ping).toHaveBeenCalledTimes(6);
  });

  it("emits a status event only when the status or the error changes", async () => {
    const { docker } = fakeDocker();
    docker.ping
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("connect ETIMEDOUT"));
    const { conn, statuses } = connect(docker);

    conn.start();
    await settle();
    await vi.advanceTimersByTimeAsync(100 + 200);

    expect(statuses).toEqual([
      { hostId: "edge", status: "down", error: "connect ECONNREFUSED" },
      { hostId: "edge", status: "down", error: "connect ETIMEDOUT" },
    ]);
  });

  it("rides out a missed ping while its event stream stays open", async () => {
    const { docker, streams } = fakeDocker();
    const { conn, statuses } = connect(docker);
    conn.start();
    await settle();
    docker.ping.mockRejectedValueOnce(new Error("socket hang up"));

    await vi.advanceTimersByTimeAsync(1000);
    expect(conn.summary().status).toBe("up");
    await vi.advanceTimersByTimeAsync(timing.minBackoffMs);

    expect(docker.ping).toHaveBeenCalledTimes(3);
    expect(statuses.map((s) => s.status)).toEqual(["up"]);
    expect(streams[0]?.destroyed).toBe(false);
  });

  it("goes down when pings keep failing while up, and closes the event stream", async () => {
    const { docker, streams } = fakeDocker();
    const { conn, statuses } = connect(docker);
    conn.start();
    await settle();
    docker.ping.mockRejectedValue(new Error("connect ECONNREFUSED"));

    await vi.advanceTimersByTimeAsync(1000 + (MISSED_PINGS_TOLERATED + 1) * timing.minBackoffMs);

    expect(conn.summary().status).toBe("down");
    expect(statuses.map((s) => s.status)).toEqual(["up", "down"]);
    expect(streams[0]?.destroyed).toBe(true);
  });

  it("re-emits container events written to the event stream", async () => {
    const { docker, streams } = fakeDocker();
    const { conn, events } = connect(docker);
    conn.start();
    await settle();
    const line = JSON.stringify({
      Type: "container",
      Action: "die",
      Actor: { ID: "abc123", Attributes: { name: "web", exitCode: "0" } },
      time: 1_717_171_717,
      timeNano: 1_717_171_717_000_000_000,
    });
    const network = JSON.stringify({ Type: "network", Action: "connect", Actor: { ID: "n1" }, time: 1 });

    streams[0]?.write(`${line.slice(0, 20)}`);
    streams[0]?.write(`${line.slice(20)}\n${network}\n`);
    await settle();

    expect(events).toEqual([
      {
        hostId: "edge",
        containerId: "abc123",
        action: "die",
        name: "web",
        time: 1_717_171_717_000,
        attributes: { name: "web", exitCode: "0" },
        // The (empty) engine no longer lists it: the row after the change is "gone".
        container: null,
      },
    ]);
  });

  it("carries the container's row after the change, once the live list holds it", async () => {
    const { docker, streams } = fakeDocker();
    const id = "c".repeat(64);
    const item = {
      Id: id,
      Names: ["/web"],
      Image: "local/busybox:1.35",
      State: "running",
      Status: "Up 1 second",
      Created: 1,
      Labels: { team: "a" },
      Ports: [],
    };
    const state = {
      Status: "running",
      Running: true,
      StartedAt: new Date(Date.now()).toISOString(),
      FinishedAt: "0001-01-01T00:00:00Z",
    };
    docker.modem.dial.mockImplementation((opts: unknown, cb: (err: null, data: unknown) => void) => {
      const path = (opts as { path: string }).path;
      cb(null, path.startsWith("/containers/json") ? [item] : { Id: id, State: state });
    });
    const { conn, events } = connect(docker);
    conn.start();
    await settle();
    await settle();

    streams[0]?.write(`${JSON.stringify({ Type: "container", Action: "start", Actor: { ID: id } })}\n`);
    await settle();
    await settle();

    expect(events).toEqual([
      {
        hostId: "edge",
        containerId: id,
        action: "start",
        container: {
          id,
          hostId: "edge",
          name: "web",
          image: "local/busybox:1.35",
          state: "running",
          status: "Up Less than a second",
          created: 1,
          labels: { team: "a" },
          ports: [],
        },
      },
    ]);
    expect(conn.live.containers.ready).toBe(true);
  });

  it("re-checks at once when the event stream ends", async () => {
    const { docker, streams } = fakeDocker();
    const { conn } = connect(docker);
    conn.start();
    await settle();
    expect(docker.ping).toHaveBeenCalledTimes(1);

    streams[0]?.end();
    await settle();

    expect(docker.ping).toHaveBeenCalledTimes(2);
  });

  it("goes down at once when the event stream errors and the engine is gone", async () => {
    const { docker, streams } = fakeDocker();
    const { conn } = connect(docker);
    conn.start();
    await settle();
    docker.ping.mockRejectedValue(new Error("connect ECONNREFUSED"));

    streams[0]?.destroy(new Error("read ECONNRESET"));
    await settle();

    expect(conn.summary()).toMatchObject({ status: "down", error: "connect ECONNREFUSED" });
  });

  it("opens a new event stream after a lost one while the engine stays up", async () => {
    const { docker, streams } = fakeDocker();
    const { conn, events, statuses } = connect(docker);
    conn.start();
    await settle();

    streams[0]?.end();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    streams[1]?.write('{"Type":"container","Action":"start","Actor":{"ID":"abc"}}\n');
    // The event waits for the live list's refresh, which waits for the reconcile the reopen began.
    // The event waits for the live list's refresh, which follows the reconcile the reopen began.
    await settle();
    await settle();

    expect(docker.getEvents).toHaveBeenCalledTimes(2);
    expect(events).toEqual([{ hostId: "edge", containerId: "abc", action: "start", container: null }]);
    expect(statuses.map((s) => s.status)).toEqual(["up"]);
  });

  it("asks the engine to replay events since the moment the stream was lost", async () => {
    const { docker, streams } = fakeDocker();
    const { conn } = connect(docker);
    conn.start();
    await settle();

    const lostAt = Date.now();
    streams[0]?.end();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);

    expect(docker.getEvents.mock.calls[1]?.[0]).toEqual({
      since: Math.floor(lostAt / 1000),
      filters: { type: [...STREAM_EVENT_TYPES] },
    });
  });

  it("still replays from the first loss when the first reopen is refused", async () => {
    const { docker, streams } = fakeDocker();
    const { conn } = connect(docker);
    conn.start();
    await settle();
    const lostAt = Date.now();
    streams[0]?.end();
    await settle();
    docker.getEvents.mockImplementationOnce((_opts: unknown, cb: EventsCallback) => cb(new Error("EOF")));

    await vi.advanceTimersByTimeAsync(1000);
    for (let i = 0; i < 5; i++) await settle();
    await vi.advanceTimersByTimeAsync(1000);

    expect(docker.getEvents).toHaveBeenCalledTimes(3);
    expect(docker.getEvents.mock.calls[2]?.[0]).toMatchObject({ since: Math.floor(lostAt / 1000) });
    expect(conn.eventsOpen).toBe(true);
    expect(conn.recentEvents.coveredFrom).toBe(lostAt);
  });

  it("retries a refused event stream once per up interval, not in a loop", async () => {
    const { docker } = fakeDocker();
    docker.getEvents.mockImplementation((_opts: unknown, cb: EventsCallback) => {
      setImmediate(() => cb(new Error("(HTTP code 403) forbidden - events are disabled")));
    });
    const { conn } = connect(docker);
    conn.start();
    for (let i = 0; i < 5; i++) await settle();

    expect(conn.isUp).toBe(true);
    expect(docker.ping).toHaveBeenCalledTimes(2);
    expect(docker.getEvents).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    for (let i = 0; i < 5; i++) await settle();
    expect(docker.getEvents).toHaveBeenCalledTimes(2);
  });

  it("keeps only the newest stream when a slow reply overlaps a reopen", async () => {
    const { docker, streams } = fakeDocker();
    const pending: (() => void)[] = [];
    docker.getEvents.mockImplementation((_opts: unknown, cb: EventsCallback) => {
      const stream = new PassThrough();
      streams.push(stream);
      pending.push(() => cb(null, stream));
    });
    const { conn, events } = connect(docker);
    conn.start();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(docker.getEvents).toHaveBeenCalledTimes(2);

    for (const deliver of pending) deliver();
    streams[1]?.write('{"Type":"container","Action":"stop","Actor":{"ID":"abc"}}\n');
    await settle();

    expect(streams[0]?.destroyed).toBe(true);
    expect(streams[1]?.destroyed).toBe(false);
    expect(events).toEqual([{ hostId: "edge", containerId: "abc", action: "stop", container: null }]);
  });

  it("stops checking and closes the stream on stop()", async () => {
    const { docker, streams } = fakeDocker();
    const { conn } = connect(docker);
    conn.start();
    await settle();

    conn.stop();
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);

    expect(docker.ping).toHaveBeenCalledTimes(1);
    expect(streams[0]?.destroyed).toBe(true);
  });

  it("does not check after stop() even when asked to", async () => {
    const { docker } = fakeDocker();
    const { conn } = connect(docker);
    conn.stop();

    conn.checkNow();
    await settle();

    expect(docker.ping).not.toHaveBeenCalled();
  });

  it("destroys a stream that arrives after stop()", async () => {
    const { docker, streams } = fakeDocker();
    let deliver: (() => void) | undefined;
    docker.getEvents.mockImplementation((_opts: unknown, cb: EventsCallback) => {
      const stream = new PassThrough();
      streams.push(stream);
      deliver = () => cb(null, stream);
    });
    const { conn } = connect(docker);
    conn.start();
    await settle();

    conn.stop();
    deliver?.();

    expect(streams[0]?.destroyed).toBe(true);
  });

  it("tells a Podman host, lists what its engine cannot do, and reads its removals as destroy", async () => {
    const { docker, streams } = fakeDocker();
    docker.version.mockResolvedValue({
      Version: "4.3.1",
      ApiVersion: "1.41",
      Components: [{ Name: "Podman Engine", Version: "4.3.1" }],
    } as never);
    const info = vi.fn((_opts: { abortSignal?: AbortSignal }) =>
      Promise.resolve({
        CgroupVersion: "1",
        SecurityOptions: ["name=seccomp,profile=default", "name=rootless"],
      }),
    );
    const { conn, events } = connect(Object.assign(docker, { info }));
    conn.start();
    await settle();
    await settle();

    expect(conn.isPodman).toBe(true);
    expect(conn.summary()).toMatchObject({
      engine: { kind: "podman", version: "4.3.1", apiVersion: "1.41" },
      disabled: [
        { capability: "liveLimits", quirk: "update-endpoint" },
        { capability: "pause", quirk: "pause-rootless-v1" },
        { capability: "memoryStats", quirk: "memory-rootless-v1" },
      ],
    });
    streams[0]?.write('{"Type":"container","Action":"remove","Actor":{"ID":"abc"}}\n');
    await settle();
    await settle();
    expect(events.map((e) => e.action)).toEqual(["destroy"]);
  });
});
