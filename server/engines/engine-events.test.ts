import { describe, expect, it } from "vitest";
import { changesListing, eventLabels, toContainerEvent } from "./engine-events";

/** One line of Docker Engine 20.10's /events stream, parsed the way the server parses it. */
const startEvent = JSON.parse(
  '{"status":"start","id":"4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c3d4e5f60718293a4b5c6d7e8f9012345","from":"nginx:1.27",' +
    '"Type":"container","Action":"start","Actor":{"ID":"4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c3d4e5f60718293a4b5c6d7e8f9012345",' +
    '"Attributes":{"com.docker.compose.project":"shop","image":"nginx:1.27","name":"web"}},' +
    '"scope":"local","time":1717171717,"timeNano":1717171717123456789}',
) as Record<string, unknown> & { id: string };

const networkEvent = {
  Type: "network",
  Action: "connect",
  Actor: {
    ID: "9a8b7c6d5e4f",
    Attributes: { container: startEvent.id, name: "bridge", type: "bridge" },
  },
  scope: "local",
  time: 1_717_171_717,
  timeNano: 1_717_171_717_000_000_000,
};

describe("toContainerEvent", () => {
  it("maps a container start event", () => {
    expect(toContainerEvent("local", startEvent)).toEqual({
      hostId: "local",
      containerId: startEvent.id,
      action: "start",
      name: "web",
      time: 1_717_171_717_123,
      attributes: { "com.docker.compose.project": "shop", image: "nginx:1.27", name: "web" },
    });
  });

  it("keeps the full action of exec and health events", () => {
    const raw = { ...startEvent, status: "exec_start: sh -c true", Action: "exec_start: sh -c true" };

    expect(toContainerEvent("edge", raw)?.action).toBe("exec_start: sh -c true");
  });

  it("falls back to seconds when timeNano is absent", () => {
    const { timeNano: _timeNano, ...raw } = startEvent;

    expect(toContainerEvent("local", raw)?.time).toBe(1_717_171_717_000);
  });

  it("reads the legacy id and status fields", () => {
    const raw = { status: "die", id: "abc123", from: "alpine", time: 1_600_000_000 };

    expect(toContainerEvent("old", raw)).toEqual({
      hostId: "old",
      containerId: "abc123",
      action: "die",
      time: 1_600_000_000_000,
    });
  });

  it("omits name, time and attributes when the engine does not send them", () => {
    const event = toContainerEvent("local", { Type: "container", Action: "destroy", Actor: { ID: "abc" } });

    expect(event).toEqual({ hostId: "local", containerId: "abc", action: "destroy" });
  });

  it.each([
    ["a network event", networkEvent],
    ["an image event", { Type: "image", Action: "pull", Actor: { ID: "nginx:1.27" }, time: 1 }],
    ["a volume event", { Type: "volume", Action: "create", Actor: { ID: "data" }, time: 1 }],
  ])("ignores %s", (_label, raw) => {
    expect(toContainerEvent("local", raw)).toBeUndefined();
  });

  it.each([
    ["null", null],
    ["a string", "start"],
    ["a container event without an id", { Type: "container", Action: "start" }],
    ["a container event without an action", { Type: "container", Actor: { ID: "abc" } }],
  ])("ignores %s", (_label, raw) => {
    expect(toContainerEvent("local", raw)).toBeUndefined();
  });
});

describe("eventLabels", () => {
  it("keeps the labels and drops the fields the engine adds beside them", () => {
    const attributes = {
      "com.docker.compose.project": "shop",
      team: "payments",
      image: "nginx:1.27",
      name: "web",
      exitCode: "137",
      signal: "9",
      execID: "e1",
      health_status: "healthy",
    };

    expect(eventLabels(attributes)).toEqual({ "com.docker.compose.project": "shop", team: "payments" });
  });

  it("gives the labels of a mapped event", () => {
    const event = toContainerEvent("local", startEvent);

    expect(eventLabels(event?.attributes)).toEqual({ "com.docker.compose.project": "shop" });
  });

  it("gives no labels for missing attributes", () => {
    expect(eventLabels(undefined)).toEqual({});
  });
});

describe("changesListing", () => {
  it.each([
    "create",
    "start",
    "die",
    "stop",
    "kill",
    "pause",
    "unpause",
    "rename",
    "destroy",
    "health_status: healthy",
  ])("is true for %s", (action) => {
    expect(changesListing(action)).toBe(true);
  });

  it.each([
    "exec_create: sh",
    "exec_start: sh",
    "exec_die",
    "top",
    "attach",
    "resize",
    "archive-path",
    "extract-to-dir",
  ])("is false for %s", (action) => {
    expect(changesListing(action)).toBe(false);
  });
});
