import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import { mayHear } from "./swarm";

const who = (scope: Principal["scope"]) => ({ scope }) as Principal;

describe("who hears a swarm fact", () => {
  it("tells an unscoped principal everything on its hosts", () => {
    expect(mayHear(who({ hosts: "*" }), "swarm", undefined)).toBe(true);
    expect(mayHear(who({ hosts: "*" }), "swarm", { team: "b" })).toBe(true);
    expect(mayHear(who({ hosts: ["edge"] }), "swarm", {})).toBe(false);
  });

  it("tells a label-scoped principal only its own services, never whole-host objects", () => {
    const a = who({ hosts: "*", labelSelector: "team=a" });
    expect(mayHear(a, "swarm", { team: "a" })).toBe(true);
    expect(mayHear(a, "swarm", { team: "b" })).toBe(false);
    expect(mayHear(a, "swarm", undefined)).toBe(false);
  });
});
