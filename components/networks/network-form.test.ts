import { describe, expect, it } from "vitest";
import { checkNetworkDraft, EMPTY_NETWORK, networkCreateBody } from "./network-form";

const draft = (p: Partial<typeof EMPTY_NETWORK>) => ({ ...EMPTY_NETWORK, name: "backend", ...p });

describe("the new-network dialog's checks", () => {
  it("accepts a subnet with a gateway inside it", () => {
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.5.1" }))).toBeUndefined();
    expect(checkNetworkDraft(draft({}))).toBeUndefined();
  });

  it("names the dialog field of the server's CIDR checks", () => {
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.1/24" }))).toMatch(
      /^Subnet: .*host bits set.*172\.30\.5\.0\/24/,
    );
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0" }))).toMatch(/^Subnet: .*not a CIDR/);
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.6.1" }))).toMatch(
      /^Gateway: .*outside the subnet/,
    );
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.5.255" }))).toMatch(
      /^Gateway: .*broadcast/,
    );
    expect(checkNetworkDraft(draft({ gateway: "172.30.5.1" }))).toMatch(/^Gateway: needs a Subnet/);
    expect(checkNetworkDraft(draft({ name: "" }))).toMatch(/^Name:/);
    expect(checkNetworkDraft(draft({ name: "-x" }))).toMatch(/^Name:/);
  });

  it("builds an internal bridge with IPAM only when addressing is given", () => {
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
