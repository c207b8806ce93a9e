import { describe, expect, it } from "vitest";
import type { StackSummary } from "@/lib/stacks/types";
import { filterStacks, firstDir, stackKey } from "./stack-list";

const stack = (over: Partial<StackSummary>): StackSummary => ({
  hostId: "local",
  name: "shop",
  services: 2,
  running: 2,
  containers: 2,
  state: "running",
  source: "wharf",
  ...over,
});

const rows = [
  stack({ name: "shop", updatedAt: 10, updatedBy: "alice" }),
  stack({ name: "blog", hostId: "edge", state: "partial", running: 1, source: "cli" }),
  stack({ name: "api", state: "down", running: 0, containers: 0, updatedAt: 20, updatedBy: "bob" }),
];

describe("filterStacks", () => {
  it("matches every term against name, host, state, source and author", () => {
    const q = (text: string) => filterStacks(rows, { sort: "name", dir: "asc", q: text }).map((s) => s.name);
    expect(q("")).toEqual(["api", "blog", "shop"]);
    expect(q("edge cli")).toEqual(["blog"]);
    expect(q("alice")).toEqual(["shop"]);
    expect(q("down")).toEqual(["api"]);
    expect(q("nothing")).toEqual([]);
  });

  it("sorts states that need a look first, and never-deployed stacks last when newest first", () => {
    expect(filterStacks(rows, { sort: "state", dir: "asc", q: "" }).map((s) => s.name)).toEqual([
      "blog",
      "shop",
      "api",
    ]);
    expect(filterStacks(rows, { sort: "updated", dir: "desc", q: "" }).map((s) => s.name)).toEqual([
      "api",
      "shop",
      "blog",
    ]);
  });

  it("keys rows by host and name, and sorts counts and times largest first", () => {
    expect(stackKey(rows[1] as StackSummary)).toBe("edge/blog");
    expect(firstDir("updated")).toBe("desc");
    expect(firstDir("name")).toBe("asc");
  });
});
