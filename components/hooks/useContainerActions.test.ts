import { describe, expect, it } from "vitest";
import { pendingByContainer } from "./useContainerActions";

const target = (hostId: string, id: string) => ({ hostId, id, name: `c-${id}` });

describe("pendingByContainer", () => {
  it("names the running action of each container by host and id", () => {
    const m = pendingByContainer([
      { target: target("a", "1"), action: "restart" },
      { target: target("b", "1"), action: "stop" },
      undefined,
    ]);
    expect([...m]).toEqual([
      ["a/1", "restart"],
      ["b/1", "stop"],
    ]);
  });

  it("keeps the later of two actions on one container", () => {
    const m = pendingByContainer([
      { target: target("a", "1"), action: "stop" },
      { target: target("a", "1"), action: "start" },
    ]);
    expect(m.get("a/1")).toBe("start");
  });
});
