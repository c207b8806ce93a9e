import { describe, expect, it } from "vitest";
import {
  describeScope,
  PERMISSIONS,
  ROLES,
  roleAllows,
  scopeAllowsAlert,
  scopeAllowsHost,
  scopeAllowsLabels,
  seesWholeHosts,
  type Permission,
  type Role,
  type Scope,
} from "./permissions";

/** What each role may do, written out in full so a change to the ranking shows up here. */
const MATRIX: Record<Role, Record<Permission, boolean>> = {
  viewer: { read: true, operate: false, admin: false },
  operator: { read: true, operate: true, admin: false },
  admin: { read: true, operate: true, admin: true },
};

describe("roleAllows", () => {
  it("knows exactly the three roles and three permissions", () => {
    expect(ROLES).toEqual(["viewer", "operator", "admin"]);
    expect(PERMISSIONS).toEqual(["read", "operate", "admin"]);
  });

  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const)))(
    "%s may %s as the matrix says",
    (role, permission) => {
      expect(roleAllows(role, permission)).toBe(MATRIX[role][permission]);
    },
  );
});

describe("scopeAllowsHost", () => {
  it("allows any host for *", () => {
    expect(scopeAllowsHost({ hosts: "*" }, "local")).toBe(true);
    expect(scopeAllowsHost({ hosts: "*" }, "anything-else")).toBe(true);
  });

  it("allows only the listed hosts", () => {
    const scope: Scope = { hosts: ["local", "edge"] };

    expect(scopeAllowsHost(scope, "edge")).toBe(true);
    expect(scopeAllowsHost(scope, "edge-2")).toBe(false);
  });

  it("allows nothing for an empty list", () => {
    expect(scopeAllowsHost({ hosts: [] }, "local")).toBe(false);
  });

  it("does not treat a listed '*' id specially", () => {
    expect(scopeAllowsHost({ hosts: ["*"] }, "local")).toBe(false);
  });
});

describe("scopeAllowsLabels", () => {
  it("allows every container when there is no label selector", () => {
    expect(scopeAllowsLabels({ hosts: "*" }, {})).toBe(true);
    expect(scopeAllowsLabels({ hosts: "*" }, undefined)).toBe(true);
  });

  it("with a key-only selector, needs the label whatever its value", () => {
    const scope: Scope = { hosts: "*", labelSelector: "team" };

    expect(scopeAllowsLabels(scope, { team: "shop" })).toBe(true);
    expect(scopeAllowsLabels(scope, { team: "" })).toBe(true);
    expect(scopeAllowsLabels(scope, { tier: "web" })).toBe(false);
  });

  it("with key=value, needs that exact value", () => {
    const scope: Scope = { hosts: "*", labelSelector: "team=shop" };

    expect(scopeAllowsLabels(scope, { team: "shop", tier: "web" })).toBe(true);
    expect(scopeAllowsLabels(scope, { team: "shopping" })).toBe(false);
    expect(scopeAllowsLabels(scope, { team: "Shop" })).toBe(false);
    expect(scopeAllowsLabels(scope, { shop: "team" })).toBe(false);
  });

  it("splits at the first '=' so a value may contain '='", () => {
    const scope: Scope = { hosts: "*", labelSelector: "query=a=b" };

    expect(scopeAllowsLabels(scope, { query: "a=b" })).toBe(true);
    expect(scopeAllowsLabels(scope, { query: "a" })).toBe(false);
    expect(scopeAllowsLabels(scope, { "query=a": "b" })).toBe(false);
  });

  it("with key= needs the label with an empty value", () => {
    const scope: Scope = { hosts: "*", labelSelector: "team=" };

    expect(scopeAllowsLabels(scope, { team: "" })).toBe(true);
    expect(scopeAllowsLabels(scope, { team: "shop" })).toBe(false);
  });

  it("refuses a container whose labels are missing once there is a selector", () => {
    expect(scopeAllowsLabels({ hosts: "*", labelSelector: "team" }, undefined)).toBe(false);
    expect(scopeAllowsLabels({ hosts: "*", labelSelector: "team=shop" }, null)).toBe(false);
  });

  it("does not match inherited object properties as labels", () => {
    expect(scopeAllowsLabels({ hosts: "*", labelSelector: "toString" }, {})).toBe(false);
  });
});

describe("scopeAllowsAlert", () => {
  const team = { hosts: ["h1"], labelSelector: "team=a" } satisfies Scope;
  const about = (
    details: Record<string, string | number>,
    labels: Record<string, string>,
    containerId?: string,
  ) => ({
    hostId: "h1",
    details,
    labels,
    ...(containerId ? { containerId } : {}),
  });

  it("shows an alert about the host itself (down, its disk) to whoever sees the host", () => {
    expect(scopeAllowsAlert(team, about({ path: "/var/lib/docker" }, {}))).toBe(true);
    expect(scopeAllowsAlert(team, { ...about({}, {}), hostId: "h2" })).toBe(false);
  });

  it("shows an alert about a container or a volume only under its labels", () => {
    expect(scopeAllowsAlert(team, about({}, { team: "b" }, "c1"))).toBe(false);
    expect(scopeAllowsAlert(team, about({ volume: "b_db" }, { team: "b" }))).toBe(false);
    expect(scopeAllowsAlert(team, about({ volume: "a_db" }, { team: "a" }))).toBe(true);
  });
});

describe("describeScope", () => {
  it.each<[Scope, string]>([
    [{ hosts: "*" }, "all hosts"],
    [{ hosts: ["local", "edge"] }, "local, edge"],
    [{ hosts: [] }, "no hosts"],
    [{ hosts: "*", labelSelector: "team=shop" }, "all hosts, containers with team=shop"],
    [{ hosts: ["edge"], labelSelector: "tier" }, "edge, containers with tier"],
  ])("describes %j as %j", (scope, text) => {
    expect(describeScope(scope)).toBe(text);
  });
});

describe("seesWholeHosts", () => {
  it("is every scope without a label selector, whatever its hosts", () => {
    expect(seesWholeHosts({})).toBe(true);
    expect(seesWholeHosts({ labelSelector: "" })).toBe(true);
    expect(seesWholeHosts({ labelSelector: "team=a" })).toBe(false);
    expect(seesWholeHosts({ labelSelector: "team" })).toBe(false);
  });
});
