import { describe, expect, it } from "vitest";
import {
  cidrContainsIp,
  cidrsOverlap,
  formatIp,
  networkConnectSchema,
  networkCreateSchema,
  parseCidr,
  parseIp,
} from "./networks";

function issues(body: unknown): { path: string; message: string }[] {
  const r = networkCreateSchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("parseIp", () => {
  it.each([
    ["10.1.2.3", 4, 0x0a010203n],
    ["0.0.0.0", 4, 0n],
    ["255.255.255.255", 4, 0xffffffffn],
    ["::", 6, 0n],
    ["::1", 6, 1n],
    ["fd00::2", 6, (0xfd00n << 112n) | 2n],
    ["2001:db8:0:0:0:0:0:1", 6, (0x20010db8n << 96n) | 1n],
    ["::ffff:10.0.0.1", 6, (0xffffn << 32n) | 0x0a000001n],
  ] as const)("reads %s", (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each([
    "10.1.2",
    "10.1.2.256",
    "010.1.2.3",
    "1.2.3.4.5",
    ":::",
    "1::2::3",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7:8::",
    "fe80::1%eth0",
    "g::1",
    "",
  ])("refuses %s", (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe("parseCidr and containment", () => {
  it("clears host bits into the network address", () => {
    const c = parseCidr("10.1.2.3/24");

    expect(c && formatIp(4, c.network)).toBe("10.1.2.0");
    expect(c?.address).not.toBe(c?.network);
  });

  it("refuses a prefix longer than the family allows, and a missing one", () => {
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("fd00::/129")).toBeUndefined();
    expect(parseCidr("10.0.0.0")).toBeUndefined();
    expect(parseCidr("10.0.0.0/")).toBeUndefined();
  });

  it("tells addresses inside a subnet from those outside, across families too", () => {
    const c = parseCidr("10.1.0.0/16")!;

    expect(cidrContainsIp(c, parseIp("10.1.255.254")!)).toBe(true);
    expect(cidrContainsIp(c, parseIp("10.2.0.1")!)).toBe(false);
    expect(cidrContainsIp(c, parseIp("::1")!)).toBe(false);
    expect(cidrContainsIp(parseCidr("fd00:1::/64")!, parseIp("fd00:1::5")!)).toBe(true);
  });

  it("sees overlap in either direction, and none between neighbours", () => {
    expect(cidrsOverlap(parseCidr("10.0.0.0/8")!, parseCidr("10.5.0.0/16")!)).toBe(true);
    expect(cidrsOverlap(parseCidr("10.5.0.0/16")!, parseCidr("10.0.0.0/8")!)).toBe(true);
    expect(cidrsOverlap(parseCidr("10.0.0.0/25")!, parseCidr("10.0.0.128/25")!)).toBe(false);
  });
});

describe("networkCreateSchema", () => {
  const base = { Name: "app-net", Internal: true };

  it("accepts an internal bridge with a subnet and gateway, defaulting the driver", () => {
    const r = networkCreateSchema.parse({
      ...base,
      IPAM: { Config: [{ Subnet: "10.20.0.0/24", Gateway: "10.20.0.1", IPRange: "10.20.0.128/25" }] },
    });

    expect(r.Driver).toBe("bridge");
  });

  it("names the gateway field when the gateway is outside the subnet", () => {
    expect(issues({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.0/24", Gateway: "10.21.0.1" }] } })).toEqual(
      [{ path: "IPAM.Config.0.Gateway", message: "10.21.0.1 is outside the subnet 10.20.0.0/24" }],
    );
  });

  it("refuses a gateway on the network or broadcast address", () => {
    const cfg = (Gateway: string) => ({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.0/24", Gateway }] } });

    expect(issues(cfg("10.20.0.0"))[0]?.message).toMatch(/network address/);
    expect(issues(cfg("10.20.0.255"))[0]?.message).toMatch(/broadcast address/);
  });

  it("names a bad subnet, and suggests the network address when host bits are set", () => {
    expect(issues({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.0/40" }] } })[0]?.path).toBe(
      "IPAM.Config.0.Subnet",
    );
    expect(issues({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.9/24" }] } })[0]?.message).toMatch(
      /did you mean 10\.20\.0\.0\/24/,
    );
  });

  it("refuses overlapping pools within one request, and an IP range outside the subnet", () => {
    expect(
      issues({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.0/16" }, { Subnet: "10.20.5.0/24" }] } })[0]
        ?.path,
    ).toBe("IPAM.Config.1.Subnet");
    expect(
      issues({ ...base, IPAM: { Config: [{ Subnet: "10.20.0.0/24", IPRange: "10.21.0.0/25" }] } })[0]?.path,
    ).toBe("IPAM.Config.0.IPRange");
  });

  it("asks for EnableIPv6 with an IPv6 subnet, and a subnet for a gateway", () => {
    expect(issues({ ...base, IPAM: { Config: [{ Subnet: "fd00:20::/64" }] } })[0]?.path).toBe("EnableIPv6");
    expect(issues({ ...base, IPAM: { Config: [{ Gateway: "10.0.0.1" }] } })[0]?.path).toBe(
      "IPAM.Config.0.Gateway",
    );
  });

  it("names the driver, the name and unknown fields", () => {
    expect(issues({ ...base, Driver: "macvlan" })[0]?.path).toBe("Driver");
    expect(issues({ ...base, Name: "bad name" })[0]?.path).toBe("Name");
    expect(issues({ ...base, Scope: "swarm" })[0]?.message).toMatch(/Scope/);
  });
});

describe("networkConnectSchema", () => {
  it("checks aliases and the address family", () => {
    expect(networkConnectSchema.safeParse({ container: "web", aliases: ["db", "db.internal"] }).success).toBe(
      true,
    );
    expect(networkConnectSchema.safeParse({ container: "web", aliases: ["no spaces"] }).success).toBe(false);
    expect(networkConnectSchema.safeParse({ container: "web", ipv4Address: "fd00::1" }).success).toBe(false);
  });
});
