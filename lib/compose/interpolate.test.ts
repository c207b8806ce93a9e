import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InterpolationError, interpolateString, interpolateTree } from "./interpolate";
import { formatPath, Issues } from "./issues";

const VARS: Record<string, string> = { NAME: "web", EMPTY: "", PORT: "8080", NESTED: "inner" };
const lookup = (name: string) => VARS[name];

function expand(text: string): { value: string; unset: string[] } {
  const unset = new Set<string>();
  const value = interpolateString(text, lookup, unset);
  return { value, unset: [...unset] };
}

describe("interpolateString", () => {
  it.each([
    ["$NAME", "web"],
    ["${NAME}", "web"],
    ["pre-${NAME}-post", "pre-web-post"],
    ["$NAME.example", "web.example"],
    ["${PORT}:80", "8080:80"],
    ["${NAME:-x}", "web"],
    ["${EMPTY:-x}", "x"],
    ["${UNSET:-x}", "x"],
    ["${EMPTY-x}", ""],
    ["${UNSET-x}", "x"],
    ["${NAME:+yes}", "yes"],
    ["${EMPTY:+yes}", ""],
    ["${UNSET:+yes}", ""],
    ["${NAME+yes}", "yes"],
    ["${EMPTY+yes}", "yes"],
    ["${UNSET+yes}", ""],
    ["${NAME:?boom}", "web"],
    ["${EMPTY?boom}", ""],
    ["${UNSET:-${NESTED}}", "inner"],
    ["${UNSET:-a ${NAME:-b} c}", "a web c"],
    ["${UNSET:-{braces}}", "{braces}"],
    ["$$", "$"],
    ["$$NAME", "$NAME"],
    ["cost: $$5", "cost: $5"],
    ["$${NAME}", "${NAME}"],
    ["a$$$NAME", "a$web"],
  ])("%s → %s", (input, output) => {
    expect(expand(input)).toEqual({ value: output, unset: [] });
  });

  it("makes an unset variable without default empty, and names it", () => {
    expect(expand("x${MISSING}y$OTHER")).toEqual({ value: "xy", unset: ["MISSING", "OTHER"] });
  });

  it("expands a default only when it is used", () => {
    expect(expand("${NAME:-${MISSING}}")).toEqual({ value: "web", unset: [] });
    expect(expand("${UNSET:-${MISSING}}")).toEqual({ value: "", unset: ["MISSING"] });
  });

  it.each([
    ["${UNSET:?the port is needed}", 'required variable "UNSET" is missing a value: the port is needed'],
    ["${EMPTY:?must not be empty}", 'required variable "EMPTY" is missing a value: must not be empty'],
    ["${UNSET?}", 'required variable "UNSET" is missing a value'],
    ["${UNSET:?${NAME} needs it}", 'required variable "UNSET" is missing a value: web needs it'],
  ])("%s fails with the variable and its message", (input, message) => {
    expect(() => expand(input)).toThrow(new InterpolationError(message));
  });

  it.each([
    ["${NAME", /has no closing "}"/],
    ["${}", /invalid variable reference "\$\{\}"/],
    ["${1X}", /invalid variable reference/],
    ["${NAME:x}", /invalid variable reference/],
    ["price $5", /invalid "\$" in "price \$5": write "\$\$" for a literal "\$"/],
    ["trailing $", /invalid "\$"/],
  ])("%s is an invalid template", (input, message) => {
    expect(() => expand(input)).toThrow(message);
  });

  it("leaves a string without $ as it is", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("$")),
        (s) => {
          expect(expand(s)).toEqual({ value: s, unset: [] });
        },
      ),
    );
  });

  it("turns $$ into a literal $ whatever surrounds it", () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes("$"))), (parts) => {
        expect(expand(parts.join("$$")).value).toBe(parts.join("$"));
      }),
    );
  });
});

describe("interpolateTree", () => {
  it("expands every string value, never keys, and keeps other values", () => {
    const issues = new Issues();
    const unset = new Set<string>();
    const out = interpolateTree(
      { services: { $NAME: { image: "${NAME}:1", ports: ["${PORT}:80", 443], tty: true, x: null } } },
      lookup,
      issues,
      unset,
    );
    expect(out).toEqual({
      services: { $NAME: { image: "web:1", ports: ["8080:80", 443], tty: true, x: null } },
    });
    expect(issues.list).toEqual([]);
  });

  it("reports a failed value at its path and keeps going", () => {
    const issues = new Issues();
    const unset = new Set<string>();
    interpolateTree(
      { services: { web: { environment: ["A=${A:?set A}"], image: "$B" } } },
      lookup,
      issues,
      unset,
    );
    expect(issues.list.map((i) => [formatPath(i.path), i.message])).toEqual([
      ["services.web.environment[0]", 'required variable "A" is missing a value: set A'],
    ]);
    expect([...unset]).toEqual(["B"]);
  });
});
