import { describe, expect, it } from "vitest";
import {
  createDifferences,
  isAnonymousVolume,
  mountCounts,
  toVolumeSummary,
  volumeUsageByName,
  volumeUsers,
  type RawContainer,
  type RawVolume,
} from "./volumes-usage";

const containers: RawContainer[] = [
  {
    Id: "a".repeat(64),
    Names: ["/web"],
    State: "running",
    Labels: { team: "a" },
    Mounts: [
      { Type: "volume", Name: "data", Destination: "/var/lib/data", RW: true },
      { Type: "bind", Destination: "/etc/conf", RW: false },
    ],
  },
  {
    Id: "b".repeat(64),
    Names: ["/backup"],
    State: "exited",
    Labels: { team: "b" },
    Mounts: [{ Type: "volume", Name: "data", Destination: "/backup", RW: false }],
  },
];

describe("volumeUsers", () => {
  it("maps each volume to the containers mounting it, with destination and mode, ignoring binds", () => {
    const users = volumeUsers(containers);

    expect(users.get("data")).toEqual([
      { id: "a".repeat(64), name: "web", state: "running", destination: "/var/lib/data", rw: true },
      { id: "b".repeat(64), name: "backup", state: "exited", destination: "/backup", rw: false },
    ]);
    expect([...users.keys()]).toEqual(["data"]);
  });

  it("hides containers outside the label scope while mountCounts still counts them", () => {
    const users = volumeUsers(containers, (l) => l.team === "a");

    expect(users.get("data")?.map((u) => u.name)).toEqual(["web"]);
    expect(mountCounts(containers).get("data")).toBe(2);
  });
});

describe("toVolumeSummary", () => {
  const raw: RawVolume = {
    Name: "data",
    Driver: "local",
    Mountpoint: "/var/lib/docker/volumes/data/_data",
    Scope: "local",
    Labels: null,
    Options: null,
    CreatedAt: "2026-01-02T03:04:05Z",
  };

  it("takes size and refCount from disk usage, and keeps -1 when the engine did not compute a size", () => {
    const usage = volumeUsageByName([{ ...raw, UsageData: { Size: -1, RefCount: 2 } }]);

    const s = toVolumeSummary("local", raw, usage.get("data"), [], 2);

    expect(s).toMatchObject({
      size: -1,
      refCount: 2,
      labels: {},
      options: {},
      prunable: true,
      anonymous: false,
    });
    expect(s.created).toBe(Date.parse("2026-01-02T03:04:05Z"));
  });

  it("falls back to the container list's count for a volume disk usage leaves out, and says why", () => {
    const s = toVolumeSummary("local", { ...raw, Options: { type: "tmpfs" } }, undefined, [], 1);

    expect(s).toMatchObject({ size: -1, refCount: 1, prunable: false });
    expect(s.sizeNote).toMatch(/driver options/);
  });
});

describe("isAnonymousVolume and createDifferences", () => {
  it("tells anonymous volumes by their 64-hex name or the engine's label", () => {
    expect(isAnonymousVolume("f".repeat(64), {})).toBe(true);
    expect(isAnonymousVolume("named", { "com.docker.volume.anonymous": "" })).toBe(true);
    expect(isAnonymousVolume("named", null)).toBe(false);
  });

  it("names what differs from an existing volume", () => {
    const existing = { Name: "x", Driver: "local", Options: { type: "tmpfs" }, Labels: { a: "1" } };

    expect(
      createDifferences(existing, { Driver: "local", DriverOpts: { type: "tmpfs" }, Labels: { a: "1" } }),
    ).toEqual([]);
    expect(createDifferences(existing, { Driver: "local", Labels: { a: "2" } })).toEqual([
      "options",
      "labels",
    ]);
  });
});
