import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { specArbitrary } from "./arbitraries";
import { specToCreateBody } from "./create-body";
import { createConfigSchema, createRequestSchema } from "./create-schema";
import { DockerRunParseError, parseDockerRun, specToDockerRun } from "./docker-run";
import { inspectToSpec } from "./inspect";
import { shellQuote, splitShellWords } from "./shell-words";
import type { ContainerSpec } from "./types";

/** What the engine's inspect document holds after creating `spec` (the fields the form covers). */
function asInspect(spec: ContainerSpec): Record<string, unknown> {
  const { name, config } = specToCreateBody(spec);
  const { HostConfig, NetworkingConfig, ...rest } = config;
  return {
    Id: "0123456789abcdef0123456789abcdef",
    Name: `/${name}`,
    Config: rest,
    HostConfig,
    NetworkSettings: { Networks: NetworkingConfig?.EndpointsConfig ?? {} },
  };
}

/** The body keeps what the engine keeps: expanded port ranges, one binding per port. */
function canonicalPorts(spec: ContainerSpec): ContainerSpec {
  return inspectToSpec(asInspect({ ...spec, ports: spec.ports }));
}

const byKey = (l: ContainerSpec["labels"]) =>
  [...l].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const byTarget = (m: ContainerSpec["mounts"]) => [...m].sort((a, b) => a.target.localeCompare(b.target));

describe("round trips", () => {
  it("any word survives shell quoting and splitting", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 8 }), (words) => {
        expect(splitShellWords(words.map(shellQuote).join(" ")).words).toEqual(words);
      }),
      { numRuns: 500 },
    );
  });

  it("spec → docker run → parse gives the same spec, with nothing left out", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const line = specToDockerRun(spec);
        const back = parseDockerRun(line);
        expect(back.notImported).toEqual([]);
        expect(back.spec).toEqual(spec);
      }),
      { numRuns: 400 },
    );
  });

  it("spec → create body → inspect → spec keeps every field the form covers", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const back = inspectToSpec(asInspect(spec));
        const expected = {
          ...spec,
          start: true,
          ports: canonicalPorts(spec).ports,
          mounts: byTarget(spec.mounts),
          labels: byKey(spec.labels),
        };
        // The engine gives a memory limit twice as much swap by default; the spec omits that default.
        if (spec.limits.memory && spec.limits.memorySwap === spec.limits.memory * 2)
          delete expected.limits.memorySwap;
        expect({ ...back, mounts: byTarget(back.mounts) }).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("every generated create body passes the API's schema", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const r = createConfigSchema.safeParse(specToCreateBody(spec).config);
        expect(r.success ? "" : JSON.stringify(r.error.issues)).toBe("");
      }),
      { numRuns: 300 },
    );
  });

  it("reads any pasted text without crashing: a spec, or a parse error saying why", () => {
    const flagish = fc.constantFrom(
      "docker run ",
      "-",
      "--",
      "-e",
      "-p",
      "--mount",
      "'",
      '"',
      "\\",
      "$",
      " ",
      "=",
      ":",
      "\n",
      "a",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(flagish, { maxLength: 30 }).map((a) => a.join("")),
        ),
        (text) => {
          try {
            const r = parseDockerRun(text);
            expect(typeof r.spec.image).toBe("string");
          } catch (e) {
            expect(e).toBeInstanceOf(DockerRunParseError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("validates any JSON body without throwing", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 4 }), (config, hostConfig) => {
        const bodies = [config, { config }, { config: { Image: "a", HostConfig: hostConfig } }];
        for (const b of bodies) expect(() => createRequestSchema.safeParse(b)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
