import { describe, expect, it } from "vitest";
import { matchesQuery, nextSort, sortAndFilter } from "./table-sort";

const rows = [
  { name: "db-data", size: 2048 },
  { name: "cache", size: -1 },
  { name: "db-logs10", size: 10 },
  { name: "db-logs9", size: 900 },
];

describe("table sorting and search", () => {
  it("matches every term, in any field, ignoring case", () => {
    expect(matchesQuery(["db-data", "local"], "DB local")).toBe(true);
    expect(matchesQuery(["db-data", "local"], "db nfs")).toBe(false);
    expect(matchesQuery(["x"], "   ")).toBe(true);
  });

  it("sorts names naturally and numbers numerically, both ways", () => {
    const byName = sortAndFilter(
      rows,
      { sort: "name", dir: "asc", q: "logs" },
      (r) => [r.name],
      (r) => r.name,
    );
    expect(byName.map((r) => r.name)).toEqual(["db-logs9", "db-logs10"]);
    const bySize = sortAndFilter(
      rows,
      { sort: "size", dir: "desc", q: "" },
      (r) => [r.name],
      (r) => r.size,
    );
    expect(bySize.map((r) => r.size)).toEqual([2048, 900, 10, -1]);
  });

  it("flips the direction only when the same column is chosen again", () => {
    const s = { sort: "name" as "name" | "size", dir: "asc" as const, q: "" };
    expect(nextSort(s, "name").dir).toBe("desc");
    expect(nextSort(s, "size")).toEqual({ sort: "size", dir: "asc", q: "" });
    expect(nextSort(s, "size", "desc")).toEqual({ sort: "size", dir: "desc", q: "" });
    expect(nextSort(nextSort(s, "size", "desc"), "size", "desc").dir).toBe("asc");
  });
});
