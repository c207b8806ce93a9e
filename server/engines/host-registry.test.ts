import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { EngineContainerEvent } from "./engine-events";
import { HostConnection, type HealthTiming } from "./host-connection";
import { HostRegistry } from "./host-registry";
import type { HostSpec } from "./host-spec";

const timing: HealthTiming = {
  upIntervalMs: 60_000,
  minBackoffMs: 60_000,
  maxBackoffMs: 60_000,
  pingTimeoutMs: 2000,
};

/** A host whose engine socket does not exist: every ping fails at once and nothing is ever reached. */
function spec(id: string, source?: HostSpec["source"]): HostSpec {
  const socketPath = path.join(os.tmpdir(), "wharf-no-such-dir", `${id}.sock`);
  return {
    id,
    name: id.toUpperCase(),
    kind: "unix",
    url: `unix://${socketPath}`,
    ...(source ? { source } : {}),
    connection: { socketPath },
  };
}

const registries: HostRegistry[] = [];

function registry(specs: HostSpec[] = [spec("local")]): HostRegistry {
  const r = new HostRegistry(specs, timing);
  registries.push(r);
  return r;
}

function counter(r: HostRegistry) {
  const seen = { changed: 0 };
  r.on("changed", () => seen.changed++);
  return seen;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

afterEach(() => {
  for (const r of registries.splice(0)) r.stop();
  vi.restoreAllMocks();
});

describe("HostRegistry", () => {
  it("lists the hosts it was built with", () => {
    const r = registry([spec("local"), spec("edge")]);

    expect(r.ids()).toEqual(["local", "edge"]);
    expect(r.list().map((h) => [h.id, h.name, h.status, h.source])).toEqual([
      ["local", "LOCAL", "connecting", "config"],
      ["edge", "EDGE", "connecting", "config"],
    ]);
  });

  it("adds a host at run time and emits changed", () => {
    const r = registry();
    const seen = counter(r);

    const conn = r.addSpec(spec("added", "managed"));

    expect(seen.changed).toBe(1);
    expect(r.get("added")).toBe(conn);
    expect(r.ids()).toEqual(["local", "added"]);
    expect(r.list()[1]).toMatchObject({ id: "added", source: "managed", url: spec("added").url });
  });

  it("refuses a second host with the same id with CONFLICT and emits nothing", () => {
    const r = registry();
    const seen = counter(r);

    const err = thrown(() => r.addSpec(spec("local", "managed")));

    expect(err.code).toBe("CONFLICT");
    expect(seen.changed).toBe(0);
    expect(r.get("local").spec.source).toBeUndefined();
  });

  it("removes a host and emits changed; get() then answers NOT_FOUND", () => {
    const r = registry([spec("local"), spec("edge")]);
    const seen = counter(r);

    r.remove("edge");

    expect(seen.changed).toBe(1);
    expect(r.ids()).toEqual(["local"]);
    expect(r.find("edge")).toBeUndefined();
    const err = thrown(() => r.get("edge"));
    expect(err.code).toBe("NOT_FOUND");
    expect(err.message).toBe('unknown host "edge"');
  });

  it("answers NOT_FOUND when removing an unknown host and emits nothing", () => {
    const r = registry();
    const seen = counter(r);

    expect(thrown(() => r.remove("ghost")).code).toBe("NOT_FOUND");
    expect(seen.changed).toBe(0);
    expect(r.ids()).toEqual(["local"]);
  });

  it("lets a removed id be added again", () => {
    const r = registry();
    r.remove("local");

    r.addSpec(spec("local", "managed"));

    expect(r.get("local").spec.source).toBe("managed");
  });

  it("forwards status and container events of its hosts", () => {
    const r = registry();
    const statuses: HostStatusEvent[] = [];
    const events: EngineContainerEvent[] = [];
    r.on("status", (e) => statuses.push(e));
    r.on("container", (e) => events.push(e));
    const event = { hostId: "local", containerId: "abc", action: "start", attributes: { team: "shop" } };

    r.get("local").emit("status", { hostId: "local", status: "down", error: "gone" });
    r.get("local").emit("container", event);

    expect(statuses).toEqual([{ hostId: "local", status: "down", error: "gone" }]);
    expect(events).toEqual([event]);
  });

  it("stops a removed host and forwards nothing from it any more", () => {
    const r = registry([spec("local"), spec("edge")]);
    const edge = r.get("edge");
    const stop = vi.spyOn(edge, "stop");
    const statuses: HostStatusEvent[] = [];
    r.on("status", (e) => statuses.push(e));

    r.remove("edge");
    edge.emit("status", { hostId: "edge", status: "up" });

    expect(stop).toHaveBeenCalledOnce();
    expect(statuses).toEqual([]);
  });

  it("does not start a host added before the registry starts", () => {
    const start = vi.spyOn(HostConnection.prototype, "start").mockImplementation(() => {});
    const r = registry();

    r.addSpec(spec("added"));

    expect(start).not.toHaveBeenCalled();
  });

  it("starts every host on start(), and a host added afterwards at once", () => {
    const start = vi.spyOn(HostConnection.prototype, "start").mockImplementation(() => {});
    const r = registry([spec("local"), spec("edge")]);

    r.start();
    expect(start).toHaveBeenCalledTimes(2);
    r.addSpec(spec("added"));

    expect(start).toHaveBeenCalledTimes(3);
    expect(start.mock.contexts[2]).toBe(r.get("added"));
  });

  it("does not start a host added after stop()", () => {
    const start = vi.spyOn(HostConnection.prototype, "start").mockImplementation(() => {});
    const r = registry();
    r.start();
    r.stop();

    r.addSpec(spec("added"));

    expect(start).toHaveBeenCalledTimes(1);
  });

  it("reports a host added at run time as down when its engine is not there", async () => {
    const r = registry([]);
    r.start();
    const status = new Promise<HostStatusEvent>((resolve) => r.once("status", resolve));

    r.addSpec(spec("added", "managed"));

    await expect(status).resolves.toMatchObject({ hostId: "added", status: "down" });
    expect(r.get("added").summary()).toMatchObject({ status: "down", source: "managed" });
  });
});
