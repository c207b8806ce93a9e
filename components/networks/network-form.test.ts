import { describe, expect, it } from "vitest";
import { errorField } from "@/components/api/error-field";
import { checkNetworkDraft, EMPTY_NETWORK, networkCreateBody } from "./network-form";

const draft = (p: Partial<typeof EMPTY_NETWORK>) => ({ ...EMPTY_NETWORK, name: "backend", ...p });

describe("the new-network dialog's checks", () => {
  it("accepts a subnet with a gateway inside it", () => {
    expect(checkNetworkDraft(draft({ subnet: "172.30.5.0/24", gateway: "172.30.5.1" }))).toBeUndefined();
    expect(checkNetworkDraft(draft({}))).toBeUndefined();
  });

  it("names the dialog field of the server's CIDR checks", () => {
    const said = (p: Partial<typeof EMPTY_NETWORK>) => checkNetworkDraft(draft(p))?.message;
    expect(said({ subnet: "172.30.5.1/24" })).toMatch(/^Subnet: .*host bits set.*172\.30\.5\.0\/24/);
    expect(said({ subnet: "172.30.5.0" })).toMatch(/^Subnet: .*not a CIDR/);
    expect(said({ subnet: "172.30.5.0/24", gateway: "172.30.6.1" })).toMatch(
      /^Gateway: .*outside the subnet/,
    );
    expect(said({ subnet: "172.30.5.0/24", gateway: "172.30.5.255" })).toMatch(/^Gateway: .*broadcast/);
    expect(said({ gateway: "172.30.5.1" })).toMatch(/^Gateway: needs a Subnet/);
    expect(said({ name: "" })).toMatch(/^Name:/);
    expect(said({ name: "-x" })).toMatch(/^Name:/);
  });

  it("names that field in the error's details too, as the server's answer does", () => {
    expect(errorField(checkNetworkDraft(draft({ subnet: "172.30.5.0" })))).toBe("Subnet");
    expect(errorField(checkNetworkDraft(draft({ gateway: "172.30.5.1" })))).toBe("Gateway");
    expect(errorField(checkNetworkDraft(draft({ name: "" })))).toBe("Name");
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
