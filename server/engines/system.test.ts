import { describe, expect, it, vi } from "vitest";
import type { DockerClient } from "./docker-client";
import { HostConnection } from "./host-connection";
import type { HostSpec } from "./host-spec";
import { systemPrune, toSystemInfo } from "./system";

const spec = {
  id: "edge",
  name: "Edge",
  kind: "tcp",
  url: "tcp://127.0.0.1:1",
  connection: {},
} as unknown as HostSpec;

/** An engine whose network prune fails mid-way: a fault the real test engines cannot be made to show. */
function faultyEngine() {
  const err = Object.assign(new Error("(HTTP code 500) server error - network prune failed"), {
    statusCode: 500,
    json: { message: "a prune operation is already running" },
  });
  const answers: Record<string, unknown> = {
    "/containers/prune?": { ContainersDeleted: ["c1"], SpaceReclaimed: 10 },
    "/images/prune?": { ImagesDeleted: [{ Untagged: "x:1" }, { Deleted: "sha256:x" }], SpaceReclaimed: 5 },
    "/volumes/prune?": { VolumesDeleted: ["v1"], SpaceReclaimed: 7 },
    "/build/prune?": { CachesDeleted: [], SpaceReclaimed: 0 },
  };
  const calls: { path: string; filters?: unknown }[] = [];
  const dial = vi.fn(
    (o: { path: string; options?: { filters?: string } }, cb: (e: unknown, d?: unknown) => void) => {
      calls.push({ path: o.path, ...(o.options?.filters ? { filters: JSON.parse(o.options.filters) } : {}) });
      if (o.path === "/networks/prune?") cb(err);
      else cb(null, answers[o.path]);
    },
  );
  const filtersOf = (path: string) => calls.find((c) => c.path === path)?.filters;
  const called = (path: string) => calls.some((c) => c.path === path);
  return { engine: { modem: { dial } }, filtersOf, called };
}

describe("systemPrune", () => {
  it("reports a failing kind in its own result and still runs and reports the others", async () => {
    const { engine, filtersOf } = faultyEngine();
    const host = new HostConnection(spec, undefined, engine as unknown as DockerClient);
    const r = await systemPrune(host, { images: "dangling", volumes: true, buildCache: true });
    expect(r.results.networks).toEqual({
      ok: false,
      ran: true,
      deleted: [],
      spaceReclaimed: 0,
      error: { code: "ENGINE_ERROR", message: "a prune operation is already running" },
    });
    expect(r.results.containers).toMatchObject({ ok: true, deleted: ["c1"], spaceReclaimed: 10 });
    expect(r.results.images).toMatchObject({ ok: true, deleted: ["sha256:x"], spaceReclaimed: 5 });
    expect(r.results.volumes).toMatchObject({ ok: true, deleted: ["v1"] });
    expect(r.results.buildCache).toMatchObject({ ok: true, ran: true });
    expect(r.spaceReclaimed).toBe(22);
    expect(filtersOf("/images/prune?")).toMatchObject({ dangling: ["true"] });
  });

  it("does not run kinds the request leaves out", async () => {
    const { engine, filtersOf, called } = faultyEngine();
    const host = new HostConnection(spec, undefined, engine as unknown as DockerClient);
    const r = await systemPrune(host, {
      images: "all",
      volumes: false,
      buildCache: true,
      filters: { label: ["a=b"] },
    });
    expect(called("/volumes/prune?")).toBe(false);
    expect(called("/build/prune?")).toBe(false);
    expect(r.results.volumes).toMatchObject({ ok: true, ran: false });
    expect(r.results.buildCache.note).toMatch(/no labels/);
    expect(filtersOf("/containers/prune?")).toMatchObject({ label: ["a=b"] });
  });
});

describe("toSystemInfo", () => {
  it("reads docker info and version, tolerating missing fields", () => {
    const s = toSystemInfo(
      "local",
      {
        NCPU: 2,
        MemTotal: 4e9,
        Warnings: ["WARNING: No swap limit support"],
        Plugins: { Volume: ["local"] },
      },
      { ApiVersion: "1.41", MinAPIVersion: "1.12" },
    );

    expect(s).toMatchObject({
      cpus: 2,
      apiVersion: "1.41",
      minApiVersion: "1.12",
      cgroupVersion: "1",
      swarm: "inactive",
      warnings: ["WARNING: No swap limit support"],
      plugins: { Volume: ["local"] },
      securityOptions: [],
    });
  });
});
