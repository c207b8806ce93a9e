import { describe, expect, it } from "vitest";
import type { ContainerList, ContainerSummary } from "@/lib/types";
import { withRow } from "./container-rows";

const row = (hostId: string, id: string, state: ContainerSummary["state"] = "running"): ContainerSummary => ({
  id,
  hostId,
  name: `c-${id}`,
  image: "local/busybox:1.35",
  state,
  status: state === "running" ? "Up 1 second" : "Created",
  created: 1,
  labels: {},
  ports: [],
});

const list: ContainerList = { items: [row("a", "1"), row("b", "1"), row("a", "2")], errors: [] };

describe("withRow", () => {
  it("replaces the row of the same host and id only", () => {
    const next = withRow(list, "b", "1", row("b", "1", "exited"));
    expect(next.items.map((c) => `${c.hostId}/${c.id}:${c.state}`)).toEqual([
      "a/1:running",
      "b/1:exited",
      "a/2:running",
    ]);
    expect(next.errors).toEqual([]);
    expect(list.items[1]?.state).toBe("running");
  });

  it("adds a row it does not have, and removes one that is gone", () => {
    expect(withRow(list, "a", "3", row("a", "3")).items).toHaveLength(4);
    expect(withRow(list, "a", "1", null).items.map((c) => `${c.hostId}/${c.id}`)).toEqual(["b/1", "a/2"]);
  });

  it("leaves the list as it is when a row it never had is gone", () => {
    expect(withRow(list, "a", "9", null)).toBe(list);
  });
});
