import { describe, expect, it } from "vitest";
import {
  bulkActionSchema,
  containerListQuerySchema,
  containerRefSchema,
  hostIdSchema,
  removeQuerySchema,
} from "./schemas";

describe("containerListQuerySchema", () => {
  it("splits a comma-separated state list and trims the items", () => {
    const result = containerListQuerySchema.parse({ state: "running, exited" });

    expect(result.state).toEqual(["running", "exited"]);
  });

  it("accepts the repeated-parameter array form", () => {
    const result = containerListQuerySchema.parse({ state: ["paused", "dead"], host: ["local", "edge-1"] });

    expect(result).toEqual({ state: ["paused", "dead"], host: ["local", "edge-1"] });
  });

  it("drops empty items from a csv value", () => {
    expect(containerListQuerySchema.parse({ host: "local,,edge," }).host).toEqual(["local", "edge"]);
  });

  it("rejects an unknown state and points at its position", () => {
    const result = containerListQuerySchema.safeParse({ state: "running,sleeping" });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["state", 1]);
  });

  it("rejects an invalid host id inside the list", () => {
    const result = containerListQuerySchema.safeParse({ host: ["local", "Bad Host"] });

    expect(result.error?.issues[0]?.path).toEqual(["host", 1]);
  });

  it("wraps a single label into a list and keeps '=' inside values", () => {
    expect(containerListQuerySchema.parse({ label: "query=a=b" }).label).toEqual(["query=a=b"]);
    expect(containerListQuerySchema.parse({ label: ["a", "b=c"] }).label).toEqual(["a", "b=c"]);
  });

  it("accepts every sort key and direction and rejects others", () => {
    expect(containerListQuerySchema.parse({ sort: "created", dir: "desc" })).toEqual({
      sort: "created",
      dir: "desc",
    });
    expect(containerListQuerySchema.safeParse({ sort: "size" }).error?.issues[0]?.path).toEqual(["sort"]);
    expect(containerListQuerySchema.safeParse({ dir: "up" }).error?.issues[0]?.path).toEqual(["dir"]);
  });

  it("leaves absent fields undefined", () => {
    expect(containerListQuerySchema.parse({})).toEqual({});
  });
});

describe("containerRefSchema", () => {
  it.each([
    ["a full id", "4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c3d4e5f60718293a4b5c6d7e8f9012345"],
    ["an id prefix", "4f66ad"],
    ["a name", "my_app-web.1"],
    ["a name with the engine's leading slash", "/my_app-web.1"],
  ])("accepts %s", (_label, value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ["a path traversal", "../x"],
    ["an empty string", ""],
    ["spaces", "my app"],
    ["a nested path", "a/b"],
    ["a leading dash", "-rf"],
  ])("rejects %s", (_label, value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(false);
  });

  it("rejects a reference longer than 255 characters", () => {
    expect(containerRefSchema.safeParse("a".repeat(256)).success).toBe(false);
    expect(containerRefSchema.safeParse("a".repeat(255)).success).toBe(true);
  });

  it("says why an empty reference is refused", () => {
    expect(containerRefSchema.safeParse("").error?.issues[0]?.message).toBe("must not be empty");
  });
});

describe("hostIdSchema", () => {
  it.each(["local", "edge-1", "eu_west_2", "0", "a".repeat(63)])("accepts %s", (value) => {
    expect(hostIdSchema.safeParse(value).success).toBe(true);
  });

  it.each(["", "Edge", "-edge", "_edge", "edge 1", "edge.1", "a".repeat(64)])("rejects %j", (value) => {
    expect(hostIdSchema.safeParse(value).success).toBe(false);
  });
});

describe("bulkActionSchema", () => {
  const target = { hostId: "local", id: "web" };

  it("accepts a valid request", () => {
    const body = { action: "remove", force: true, targets: [target] };

    expect(bulkActionSchema.parse(body)).toEqual(body);
  });

  it("rejects an empty target list", () => {
    const result = bulkActionSchema.safeParse({ action: "stop", targets: [] });

    expect(result.error?.issues[0]).toMatchObject({
      path: ["targets"],
      message: "must name at least one container",
    });
  });

  it("accepts 500 targets and rejects 501", () => {
    const ok = bulkActionSchema.safeParse({
      action: "stop",
      targets: Array.from({ length: 500 }, () => target),
    });
    const tooMany = bulkActionSchema.safeParse({
      action: "stop",
      targets: Array.from({ length: 501 }, () => target),
    });

    expect(ok.success).toBe(true);
    expect(tooMany.error?.issues[0]).toMatchObject({
      path: ["targets"],
      message: "at most 500 containers at once",
    });
  });

  it("names the bad field of a bad target", () => {
    const result = bulkActionSchema.safeParse({
      action: "start",
      targets: [target, { hostId: "local", id: "../x" }],
    });

    expect(result.error?.issues[0]?.path).toEqual(["targets", 1, "id"]);
  });

  it("rejects an unknown action", () => {
    expect(
      bulkActionSchema.safeParse({ action: "explode", targets: [target] }).error?.issues[0]?.path,
    ).toEqual(["action"]);
  });
});

describe("removeQuerySchema", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    ["", false],
  ])("reads %j as %s", (raw, expected) => {
    expect(removeQuerySchema.parse({ force: raw, volumes: raw })).toEqual({
      force: expected,
      volumes: expected,
    });
  });

  it("defaults both flags to false when absent", () => {
    expect(removeQuerySchema.parse({})).toEqual({ force: false, volumes: false });
  });

  it("rejects other spellings", () => {
    expect(removeQuerySchema.safeParse({ force: "yes" }).error?.issues[0]?.path).toEqual(["force"]);
  });
});
