import { describe, expect, it } from "vitest";
import { volumeCreateSchema, volumePruneSchema } from "./volumes";

function firstIssue(schema: typeof volumeCreateSchema | typeof volumePruneSchema, body: unknown) {
  const r = schema.safeParse(body);
  return r.success
    ? undefined
    : { path: r.error.issues[0]?.path.join("."), message: r.error.issues[0]?.message };
}

describe("volumeCreateSchema", () => {
  it("takes the Engine API's body and defaults the driver to local", () => {
    const r = volumeCreateSchema.parse({
      Name: "data_1.v",
      Labels: { team: "a" },
      DriverOpts: { type: "tmpfs" },
    });

    expect(r).toEqual({
      Name: "data_1.v",
      Driver: "local",
      Labels: { team: "a" },
      DriverOpts: { type: "tmpfs" },
    });
  });

  it("lets the engine pick a name when none is given", () => {
    expect(volumeCreateSchema.parse({})).toEqual({ Driver: "local" });
  });

  it.each([
    [{ Name: "bad name" }, "Name"],
    [{ Name: "a" }, "Name"],
    [{ Name: "-lead" }, "Name"],
    [{ Name: "/host/path" }, "Name"],
    [{ Driver: "no spaces" }, "Driver"],
    [{ DriverOpts: { "": "x" } }, "DriverOpts"],
    [{ Labels: { "a b": "x" } }, "Labels"],
    [{ Labels: { a: 1 } }, "Labels.a"],
    [{ Mountpoint: "/x" }, ""],
  ])("refuses %j naming %s", (body, path) => {
    const issue = firstIssue(volumeCreateSchema, body);

    expect(issue?.path?.startsWith(path)).toBe(true);
    if (path === "") expect(issue?.message).toMatch(/Mountpoint/);
  });
});

describe("volumePruneSchema", () => {
  it("takes all and label filters", () => {
    expect(volumePruneSchema.parse({ all: true, filters: { label: ["a=b", "c"] } })).toEqual({
      all: true,
      filters: { label: ["a=b", "c"] },
    });
  });

  it("refuses filters the engine would read differently", () => {
    expect(firstIssue(volumePruneSchema, { filters: { label: ["a b"] } })?.path).toBe("filters.label.0");
    expect(firstIssue(volumePruneSchema, { filters: { dangling: ["true"] } })?.path).toBe("filters");
  });
});
