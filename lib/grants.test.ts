import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { defaultScope, grantWithin, manages, requireGrantable, scopeWithin, type Grant } from "./grants";
import { ROLES, roleAllows, scopeAllowsHost, scopeAllowsLabels, type Role, type Scope } from "./permissions";

const HOSTS = ["local", "edge", "secure", "far"];
const host = fc.constantFrom(...HOSTS);
const hosts = fc.oneof(fc.constant("*" as const), fc.uniqueArray(host, { maxLength: 4 }));
const selector = fc.oneof(
  fc.constantFrom("team", "env"),
  fc.tuple(fc.constantFrom("team", "env"), fc.constantFrom("a", "b", "")).map(([k, v]) => `${k}=${v}`),
);
const scope: fc.Arbitrary<Scope> = fc
  .record({ hosts, labelSelector: fc.option(selector, { nil: undefined }) })
  .map((s) => (s.labelSelector ? { hosts: s.hosts, labelSelector: s.labelSelector } : { hosts: s.hosts }));
const role = fc.constantFrom(...ROLES);
const grant: fc.Arbitrary<Grant> = fc.record({ role, scope });
/** What a create request may leave out: hosts and label default to the creator's own. */
const request = fc.record({
  role,
  hosts: fc.option(hosts, { nil: undefined }),
  labelSelector: fc.option(selector, { nil: undefined }),
});
const labels = fc.dictionary(fc.constantFrom("team", "env", "app"), fc.constantFrom("a", "b", ""), {
  maxKeys: 3,
});

/** Everything a grant reaches, judged by the checks that enforce scope on every request. */
function reaches(g: Grant, hostId: string, l: Record<string, string>): boolean {
  return scopeAllowsHost(g.scope, hostId) && scopeAllowsLabels(g.scope, l);
}

const permissionsOf = (r: Role) => (["read", "operate", "admin"] as const).filter((p) => roleAllows(r, p));

describe("no escalation: what a principal may grant", () => {
  it("never lets a created user or token reach a host, container or permission its creator cannot", () => {
    let granted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        grant,
        request,
        fc.array(fc.tuple(host, labels), { maxLength: 12 }),
        (creator, req, probes) => {
          const asked: Grant = { role: req.role, scope: defaultScope(req, creator.scope) };
          try {
            requireGrantable(asked, creator);
          } catch (err) {
            refused++;
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe("FORBIDDEN");
            expect((err as AppError).message).toMatch(/^(role|hosts|labelSelector): /);
            expect(grantWithin(asked, creator)).toBe(false);
            return;
          }
          granted++;
          expect(permissionsOf(creator.role)).toEqual(expect.arrayContaining(permissionsOf(asked.role)));
          for (const [h, l] of probes) if (reaches(asked, h, l)) expect(reaches(creator, h, l)).toBe(true);
          for (const h of HOSTS)
            if (scopeAllowsHost(asked.scope, h)) expect(scopeAllowsHost(creator.scope, h)).toBe(true);
          // The creator can still see and manage what it made.
          expect(manages(creator, asked)).toBe(true);
        },
      ),
      { numRuns: 5000, seed: 20261204 },
    );
    // Both outcomes must be exercised, or the property says nothing.
    expect(granted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it("always lets a principal grant exactly what it holds, and by default grants its own scope", () => {
    fc.assert(
      fc.property(grant, (g) => {
        expect(() => requireGrantable(g, g)).not.toThrow();
        expect(defaultScope({}, g.scope)).toEqual(g.scope);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("refuses a scoped admin every wider grant, naming the field", () => {
    const edgeAdmin: Grant = { role: "admin", scope: { hosts: ["edge"] } };
    const teamOperator: Grant = { role: "operator", scope: { hosts: ["local"], labelSelector: "team=a" } };
    expect(() => requireGrantable({ role: "admin", scope: { hosts: "*" } }, edgeAdmin)).toThrow(
      "hosts: all hosts is outside your scope; you may grant only edge",
    );
    expect(() => requireGrantable({ role: "admin", scope: { hosts: ["edge", "local"] } }, edgeAdmin)).toThrow(
      "hosts: local is outside your scope",
    );
    expect(() => requireGrantable({ role: "admin", scope: teamOperator.scope }, teamOperator)).toThrow(
      "role: you may grant at most operator",
    );
    expect(() =>
      requireGrantable({ role: "viewer", scope: { hosts: ["local"], labelSelector: "team" } }, teamOperator),
    ).toThrow("labelSelector: must stay within team=a");
    expect(() => requireGrantable({ role: "viewer", scope: { hosts: ["local"] } }, teamOperator)).toThrow(
      "labelSelector: must stay within team=a",
    );
  });

  it("reads a key-only selector as covering every value of that key", () => {
    expect(
      scopeWithin({ hosts: ["a"], labelSelector: "team=x" }, { hosts: "*", labelSelector: "team" }),
    ).toBe(true);
    expect(
      scopeWithin({ hosts: ["a"], labelSelector: "team" }, { hosts: "*", labelSelector: "team=x" }),
    ).toBe(false);
    expect(scopeWithin({ hosts: [] }, { hosts: ["a"] })).toBe(true);
    expect(scopeWithin({ hosts: "*" }, { hosts: ["a"] })).toBe(false);
  });
});
