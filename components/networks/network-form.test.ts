import { describe, expect, it } from "vitest";
import { checkNetworkDraft, EMPTY_NETWORK, ipv4ToNumber, networkCreateBody, parseCidr } from "./network-form";

const draft = (p: Partial<typeof EMPTY_NETWORK>) => ({ ...EMPTY_NETWORK, name: "backend", ...p });

describe("network form checks", () => {
  it("reads IPv4 addresses strictly", () => {
    expect(ipv4ToNumber("10.0.0.1")).toBe(167772161);
    expect(ipv4ToNumber("10.0.0.256")).toBeUndefined();
    expect(ipv4ToNumber("10.0.01.1")).toBeUndefined();
    expect(ipv4ToNumber("10.0.0")).toBeUndefined();
  });

  it("accepts aligned subnets and names what is wrong with others", () => {
    expect(parseCidr("172.30.5.0/24")).toEqual({ base: ipv4ToNumber("172.30.5.0"), prefix: 24 });
    expect(parseCidr("172.30.5.1/24")).toMatch(/host bits/);
    expect(parseCidr("172.30.5.0/31")).toMatch(/between/);
    expect(parseCidr("172.30.5.0")).toMatch(/not an IPv4 CIDR/);
  });

  it("checks the gateway against the subnet", () => {
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.5.1" }))).toBeUndefined();
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.6.1" }))).toMatch(
      /^Gateway: .* outside/,
    );
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.5.255" }))).toMatch(
      /broadcast/,
    );
    expect(checkNetworkDraft(draft({ gateway: "172.30.5.1" }))).toBe("Gateway: needs a subnet");
    expect(checkNetworkDraft(draft({ name: "" }))).toBe("Name: required");
    expect(checkNetworkDraft(draft({ name: "-x" }))).toMatch(/^Name:/);
  });

  it("builds an internal bridge with IPAM only when a subnet is given", () => {
    expect(networkCreateBody(draft({}))).toEqual({
      Name: "backend",
      Driver: "bridge",
      Internal: true,
      Labels: {},
    });
    const body = networkCreateBody(draft({ subnet: "172.30.5.0/24", labels: [{ key: "team", value: "a" }] }));
    expect(body.IPAM).toEqual({ Driver: "default", Config: [{ Subnet: "172.30.5.0/24" }] });
    expect(body.Labels).toEqual({ team: "a" });
  });
});
