import { describe, expect, it } from "vitest";
import { findDisabled, translatedReason } from "./host-disabled";

const pause = { capability: "pause" as const, quirk: "pause-rootless-v1", reason: "cannot pause" };
const hosts = [
  { id: "local" },
  {
    id: "podman",
    disabled: [
      { capability: "memoryStats" as const, quirk: "memory-rootless-v1", reason: "no memory" },
      pause,
    ],
  },
];

describe("findDisabled", () => {
  it("finds the capability a host lists as disabled", () => {
    expect(findDisabled(hosts, "podman", "pause")).toEqual(pause);
  });

  it("finds nothing on a host that lists nothing, an unknown host, or before hosts are loaded", () => {
    expect(findDisabled(hosts, "local", "pause")).toBeUndefined();
    expect(findDisabled(hosts, "mars", "pause")).toBeUndefined();
    expect(findDisabled(undefined, "podman", "pause")).toBeUndefined();
    expect(findDisabled(hosts, "podman", "events")).toBeUndefined();
  });
});

describe("translatedReason", () => {
  it("names the message of a quirk the UI translates, and none for others", () => {
    expect(translatedReason("pause-rootless-v1")).toBe("pause-rootless-v1");
    expect(translatedReason("stats-rate")).toBeUndefined();
  });
});
