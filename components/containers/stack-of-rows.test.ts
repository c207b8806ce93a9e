import { describe, expect, it } from "vitest";
import { stackOf, stackOfRows } from "./stack-of-rows";

const row = (hostId: string, project?: string, service?: string) => ({
  hostId,
  labels: {
    ...(project ? { "com.docker.compose.project": project } : {}),
    ...(service ? { "com.docker.compose.service": service } : {}),
  },
});

describe("stackOf", () => {
  it("reads the project and service labels", () => {
    expect(stackOf(row("a", "shop", "web"))).toEqual({ name: "shop", service: "web" });
    expect(stackOf(row("a", "shop"))).toEqual({ name: "shop" });
    expect(stackOf(row("a"))).toBeUndefined();
  });
});

describe("stackOfRows", () => {
  it("names the stack when every row is of it, on one host", () => {
    expect(stackOfRows([row("a", "shop", "web"), row("a", "shop", "db")])).toEqual({
      hostId: "a",
      name: "shop",
    });
  });

  it("names none for mixed projects, mixed hosts, a lone container, or no rows", () => {
    expect(stackOfRows([row("a", "shop"), row("a", "blog")])).toBeUndefined();
    expect(stackOfRows([row("a", "shop"), row("b", "shop")])).toBeUndefined();
    expect(stackOfRows([row("a", "shop"), row("a")])).toBeUndefined();
    expect(stackOfRows([row("a")])).toBeUndefined();
    expect(stackOfRows([])).toBeUndefined();
  });
});
