import { describe, expect, it } from "vitest";
import type { EngineEventItem } from "../../lib/system";
import { EventRing, toEngineEventItem, toObjectEvent } from "./system-events";

const ev = (time: number, action = "create", id = "v1", type = "volume"): EngineEventItem => ({
  hostId: "local",
  time,
  type,
  action,
  id,
  attributes: {},
});

describe("toEngineEventItem and toObjectEvent", () => {
  it("reads the engine's event with nanosecond time, and names networks for the browser", () => {
    const raw = {
      Type: "network",
      Action: "connect",
      Actor: { ID: "n1", Attributes: { name: "app", type: "bridge", container: "c1" } },
      time: 1700000000,
      timeNano: 1700000000123456789,
    };

    const item = toEngineEventItem("local", raw);

    expect(item).toMatchObject({
      type: "network",
      action: "connect",
      id: "n1",
      name: "app",
      time: 1700000000123,
    });
    expect(item && toObjectEvent(item)).toEqual({
      hostId: "local",
      type: "network",
      action: "connect",
      id: "n1",
      name: "app",
      containerId: "c1",
      time: 1700000000123,
    });
  });

  it("sends volume, network and image events to the browser, and skips lines that are not events", () => {
    expect(toObjectEvent(ev(1, "reload", "daemon-id", "daemon"))).toBeUndefined();
    expect(toObjectEvent(ev(1, "pull", "busybox", "image"))).toMatchObject({
      type: "image",
      action: "pull",
      id: "busybox",
    });
    expect(toObjectEvent(ev(1))).toEqual({
      hostId: "local",
      type: "volume",
      action: "create",
      id: "v1",
      time: 1,
    });
    expect(toEngineEventItem("local", { Type: "volume" })).toBeUndefined();
    expect(toEngineEventItem("local", "nope")).toBeUndefined();
  });
});

describe("EventRing", () => {
  it("covers nothing until the stream starts, then everything from its start", () => {
    const ring = new EventRing(10);

    expect(ring.covers(undefined)).toBe(false);
    ring.restart(1000);
    expect(ring.covers(999)).toBe(false);
    expect(ring.covers(1000)).toBe(true);
    expect(ring.covers(undefined)).toBe(true);
  });

  it("keeps one of each event a replay repeats, in time order", () => {
    const ring = new EventRing(10);
    ring.restart(0);

    ring.push(ev(10, "create", "a"));
    ring.push(ev(20, "create", "b"));
    ring.push(ev(10, "create", "a"));
    ring.push(ev(15, "mount", "a"));

    expect(ring.query({ limit: 10 }).items.map((e) => `${e.time}:${e.id}`)).toEqual(["10:a", "15:a", "20:b"]);
  });

  it("drops the oldest past capacity and moves its coverage on", () => {
    const ring = new EventRing(3);
    ring.restart(0);

    for (let t = 1; t <= 5; t++) ring.push(ev(t, "create", `v${t}`));

    expect(ring.query({ limit: 10 }).items.map((e) => e.time)).toEqual([3, 4, 5]);
    expect(ring.covers(2)).toBe(false);
    expect(ring.covers(3)).toBe(true);
  });

  it("filters by time and type, keeping the newest `limit` and saying it cut", () => {
    const ring = new EventRing(10);
    ring.restart(0);
    for (let t = 1; t <= 6; t++) ring.push(ev(t, "create", `x${t}`, t % 2 ? "volume" : "network"));

    const r = ring.query({ sinceMs: 2, untilMs: 6, limit: 1, types: ["volume"] });

    expect(r.items.map((e) => e.time)).toEqual([5]);
    expect(r.truncated).toBe(true);
  });
});
