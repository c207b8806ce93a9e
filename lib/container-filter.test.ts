import { describe, expect, it } from "vitest";
import {
  CONTAINER_SORT_KEYS,
  filterContainers,
  limitedList,
  parseLabelSelector,
  type ContainerSortKey,
} from "./container-filter";
import type { ContainerSummary } from "./types";

function container(
  overrides: Partial<ContainerSummary> & Pick<ContainerSummary, "id" | "name">,
): ContainerSummary {
  return {
    image: "nginx:1.27",
    state: "running",
    status: "Up 5 minutes",
    created: 1_700_000_000,
    labels: {},
    ports: [],
    hostId: "local",
    ...overrides,
  };
}

const web = container({
  id: "a1b2c3d4e5f6a1b2c3d4e5f6",
  name: "web",
  image: "nginx:1.27",
  state: "running",
  status: "Up 2 hours",
  created: 300,
  labels: { "com.docker.compose.project": "shop", tier: "front" },
  hostId: "local",
});
const db = container({
  id: "ffee00112233445566778899",
  name: "Database",
  image: "postgres:16",
  state: "exited",
  status: "Exited (0) 3 days ago",
  created: 100,
  labels: { "com.docker.compose.project": "shop", query: "a=b=c" },
  hostId: "edge",
});
const cache = container({
  id: "0123456789abcdef01234567",
  name: "cache",
  image: "redis:7",
  state: "paused",
  status: "Up 1 hour (Paused)",
  created: 200,
  labels: { tier: "back" },
  hostId: "build",
});
const all = [web, db, cache];
const names = (items: ContainerSummary[]) => items.map((c) => c.name);

describe("parseLabelSelector", () => {
  it("reads a bare key as a presence selector", () => {
    expect(parseLabelSelector("tier")).toEqual({ key: "tier" });
  });

  it("splits key and value at the first '='", () => {
    expect(parseLabelSelector("query=a=b=c")).toEqual({ key: "query", value: "a=b=c" });
  });

  it("keeps an empty value distinct from no value", () => {
    expect(parseLabelSelector("tier=")).toEqual({ key: "tier", value: "" });
  });
});

describe("filterContainers", () => {
  it("returns everything sorted by name when no filter is set", () => {
    expect(names(filterContainers(all, {}))).toEqual(["cache", "Database", "web"]);
  });

  it("does not mutate the input array", () => {
    const input = [web, db, cache];

    filterContainers(input, { sort: "created" });

    expect(input).toEqual([web, db, cache]);
  });

  it("matches a case-insensitive name substring", () => {
    expect(names(filterContainers(all, { name: "  DATA " }))).toEqual(["Database"]);
  });

  it("matches an id prefix", () => {
    expect(names(filterContainers(all, { name: "ffee00" }))).toEqual(["Database"]);
  });

  it("does not match an id substring that is not a prefix", () => {
    expect(filterContainers(all, { name: "3d4e5f" })).toEqual([]);
  });

  it("keeps only the listed states", () => {
    expect(names(filterContainers(all, { state: ["exited", "paused"] }))).toEqual(["cache", "Database"]);
  });

  it("treats an empty state list as no state filter", () => {
    expect(filterContainers(all, { state: [] })).toHaveLength(3);
  });

  it("keeps only the listed hosts", () => {
    expect(names(filterContainers(all, { host: ["edge", "local"] }))).toEqual(["Database", "web"]);
  });

  it("matches a label key by presence", () => {
    expect(names(filterContainers(all, { label: ["tier"] }))).toEqual(["cache", "web"]);
  });

  it("does not take an inherited object property for a label key", () => {
    expect(filterContainers(all, { label: ["constructor"] })).toEqual([]);
    expect(filterContainers(all, { label: ["toString"] })).toEqual([]);
  });

  it("matches a label key=value by equality", () => {
    expect(names(filterContainers(all, { label: ["tier=front"] }))).toEqual(["web"]);
  });

  it("matches a label value that itself contains '='", () => {
    expect(names(filterContainers(all, { label: ["query=a=b=c"] }))).toEqual(["Database"]);
    expect(filterContainers(all, { label: ["query=a"] })).toEqual([]);
  });

  it("requires every label selector to match", () => {
    const result = filterContainers(all, { label: ["com.docker.compose.project=shop", "tier"] });

    expect(names(result)).toEqual(["web"]);
  });

  it("combines name, state, host and label filters", () => {
    const result = filterContainers(all, {
      name: "e",
      state: ["running", "exited"],
      host: ["local", "edge"],
      label: ["com.docker.compose.project=shop"],
    });

    expect(names(result)).toEqual(["Database", "web"]);
  });

  const expectedAsc: Record<ContainerSortKey, string[]> = {
    name: ["cache", "Database", "web"],
    state: ["web", "cache", "Database"],
    image: ["web", "Database", "cache"],
    created: ["Database", "cache", "web"],
    host: ["cache", "Database", "web"],
    status: ["Database", "cache", "web"],
  };

  it.each(CONTAINER_SORT_KEYS)("sorts by %s ascending and descending", (key) => {
    const asc = names(filterContainers(all, { sort: key, dir: "asc" }));
    const desc = names(filterContainers(all, { sort: key, dir: "desc" }));

    expect(asc).toEqual(expectedAsc[key]);
    expect(desc).toEqual([...expectedAsc[key]].reverse());
  });

  it("breaks ties by host then name, whatever the direction", () => {
    const items = [
      container({ id: "1", name: "b", hostId: "zeta", state: "running" }),
      container({ id: "2", name: "a", hostId: "zeta", state: "running" }),
      container({ id: "3", name: "c", hostId: "alpha", state: "running" }),
    ];

    const asc = filterContainers(items, { sort: "state", dir: "asc" });
    const desc = filterContainers(items, { sort: "state", dir: "desc" });

    expect(asc.map((c) => c.id)).toEqual(["3", "2", "1"]);
    expect(desc.map((c) => c.id)).toEqual(["3", "2", "1"]);
  });

  it("hands back a list already in order as a new array in that order", () => {
    const items = [
      container({ id: "1", name: "a", hostId: "alpha" }),
      container({ id: "2", name: "a", hostId: "zeta" }),
      container({ id: "3", name: "b", hostId: "alpha" }),
    ];

    const out = filterContainers(items, { sort: "name", dir: "asc" });

    expect(out).not.toBe(items);
    expect(out.map((c) => c.id)).toEqual(["1", "2", "3"]);
  });

  it("sorts a list that is in order but for its last two rows", () => {
    const items = [
      container({ id: "1", name: "a" }),
      container({ id: "2", name: "b" }),
      container({ id: "4", name: "d" }),
      container({ id: "3", name: "c" }),
    ];

    expect(filterContainers(items, {}).map((c) => c.id)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("limitedList", () => {
  const rows = ["a", "b", "c", "d"].map((name, i) =>
    container({ id: `${name}${i}`, name, state: i % 2 === 0 ? "running" : "exited" }),
  );

  it("keeps the first rows and counts the whole list", () => {
    expect(limitedList(rows, 3)).toEqual({ items: rows.slice(0, 3), total: 4, running: 2 });
  });

  it("answers the list as it is, without counts, when no limit is asked", () => {
    expect(limitedList(rows, undefined)).toEqual({ items: rows });
  });
});
