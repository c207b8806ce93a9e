import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { findCycle, serviceDependencies, serviceWaves } from "./graph";
import type { ComposeProject, ComposeService } from "./model";
import { load, refusal } from "./test-helpers";

function project(deps: Record<string, string[]>): ComposeProject {
  const base = load("services:\n  x:\n    image: x\n").project.services.x as ComposeService;
  const services: Record<string, ComposeService> = {};
  for (const [name, on] of Object.entries(deps)) {
    services[name] = {
      ...base,
      name,
      dependsOn: Object.fromEntries(
        on.map((d) => [d, { condition: "service_started", restart: false, required: true }]),
      ),
    };
  }
  return { name: "p", services, networks: {}, volumes: {}, configs: {}, secrets: {} };
}

describe("serviceWaves", () => {
  it("orders services in waves of independent services, file order within a wave", () => {
    const p = project({ web: ["api", "cache"], api: ["db"], db: [], cache: [], worker: ["db"] });
    expect(serviceWaves(p)).toEqual([["db", "cache"], ["api", "worker"], ["web"]]);
  });

  it("counts links and network_mode: service: as dependencies", () => {
    const r = load(
      "services:\n  vpn:\n    image: x\n    network_mode: service:net\n  net:\n    image: x\n    links: [db]\n  db:\n    image: x\n",
    );
    expect(serviceWaves(r.project)).toEqual([["db"], ["net"], ["vpn"]]);
    expect(serviceDependencies(r.project.services.vpn as ComposeService)).toEqual([
      { service: "net", via: "network_mode" },
    ]);
  });

  it("limits the waves to the services asked for and what they need", () => {
    const p = project({ web: ["api"], api: ["db"], db: [], other: [] });
    expect(serviceWaves(p, ["api"])).toEqual([["db"], ["api"]]);
    expect(() => serviceWaves(p, ["nope"])).toThrow(
      new AppError("NOT_FOUND", 'the project has no service "nope"'),
    );
  });

  it("refuses a cycle", () => {
    expect(() => serviceWaves(project({ a: ["b"], b: ["a"] }))).toThrow("a -> b -> a");
  });

  it("puts every service after all it depends on, for any acyclic graph", () => {
    const graphs = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.array(fc.array(fc.nat(n - 1), { maxLength: 4 }), { minLength: n, maxLength: n }).map((edges) => {
        // Only edges to lower-numbered services: acyclic by construction.
        const deps: Record<string, string[]> = {};
        edges.forEach((to, i) => (deps[`s${i}`] = [...new Set(to.filter((t) => t < i).map((t) => `s${t}`))]));
        return deps;
      }),
    );
    fc.assert(
      fc.property(graphs, (deps) => {
        const waves = serviceWaves(project(deps));
        const waveOf = new Map(waves.flatMap((w, i) => w.map((s) => [s, i] as const)));
        expect(waveOf.size).toBe(Object.keys(deps).length);
        for (const [service, on] of Object.entries(deps)) {
          for (const d of on) expect(waveOf.get(d) ?? -1).toBeLessThan(waveOf.get(service) ?? -1);
          // In the earliest wave it can be: right after its latest dependency.
          expect(waveOf.get(service)).toBe(
            on.length === 0 ? 0 : Math.max(...on.map((d) => waveOf.get(d) ?? 0)) + 1,
          );
        }
      }),
    );
  });
});

describe("findCycle", () => {
  it("names the cycle in order", () => {
    expect(findCycle(project({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual({
      cycle: ["a", "b", "c", "a"],
      via: "depends_on",
    });
    expect(findCycle(project({ top: ["x"], x: ["y"], y: ["x"] }))).toEqual({
      cycle: ["x", "y", "x"],
      via: "depends_on",
    });
    expect(findCycle(project({ self: ["self"] }))).toEqual({ cycle: ["self", "self"], via: "depends_on" });
    expect(findCycle(project({ a: ["b"], b: [] }))).toBeUndefined();
  });

  it("makes the loader refuse a cycle at the depends_on that starts it", () => {
    const compose =
      "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on:\n      c:\n        condition: service_healthy\n  c:\n    image: x\n    links: [a]\n";
    expect(refusal(compose).issues).toEqual([
      {
        path: "services.a.depends_on",
        message: "services depend on each other in a cycle: a -> b -> c -> a",
        line: 4,
        col: 5,
      },
    ]);
  });

  it("points at links or network_mode when they start the cycle", () => {
    const compose =
      "services:\n  a:\n    image: x\n    links: [b]\n  b:\n    image: x\n    network_mode: service:a\n";
    expect(refusal(compose).issues).toEqual([
      {
        path: "services.a.links",
        message: "services depend on each other in a cycle: a -> b -> a",
        line: 4,
        col: 5,
      },
    ]);
  });
});
