import { describe, expect, it } from "vitest";
import {
  aliasCapableNetworkIds,
  checkFixedAddresses,
  networkEndpoints,
  toNetworkSummary,
  type RawNetworkedContainer,
} from "./networks-map";

const id = "c".repeat(64);
const containers: RawNetworkedContainer[] = [
  {
    Id: id,
    Names: ["/api"],
    State: "running",
    Labels: { team: "a" },
    NetworkSettings: {
      Networks: {
        app: {
          NetworkID: "net-app",
          IPAddress: "10.20.0.5",
          IPPrefixLen: 24,
          GlobalIPv6Address: "fd00::5",
          GlobalIPv6PrefixLen: 64,
          MacAddress: "02:42:0a:14:00:05",
          Aliases: null,
        },
      },
    },
  },
  {
    Id: "d".repeat(64),
    Names: ["/stopped"],
    State: "exited",
    Labels: {},
    NetworkSettings: { Networks: { app: { NetworkID: "net-app", IPAddress: "", MacAddress: "" } } },
  },
];

describe("networkEndpoints", () => {
  it("places a container that never started by its network's name, since its endpoint has no id yet", () => {
    const created: RawNetworkedContainer = {
      Id: "e".repeat(64),
      Names: ["/created"],
      State: "created",
      Labels: {},
      NetworkSettings: { Networks: { app: { NetworkID: "", IPAddress: "", Aliases: ["db"] } } },
    };
    expect(networkEndpoints([created]).size).toBe(0);
    const eps = networkEndpoints([created], new Map(), () => true, new Map([["app", "net-app"]]));
    expect(eps.get("net-app")).toEqual([
      { containerId: created.Id, name: "created", state: "created", aliases: ["db"] },
    ]);
  });

  it("lists running and stopped containers per network, with CIDR addresses and MAC", () => {
    const eps = networkEndpoints(containers).get("net-app");

    expect(eps).toEqual([
      {
        containerId: id,
        name: "api",
        state: "running",
        ipv4Address: "10.20.0.5/24",
        ipv6Address: "fd00::5/64",
        macAddress: "02:42:0a:14:00:05",
        aliases: [],
      },
      { containerId: "d".repeat(64), name: "stopped", state: "exited", aliases: [] },
    ]);
  });

  it("fills aliases from inspect documents, without the engine's short-id alias", () => {
    const aliases = new Map([[id, { "net-app": ["db", id.slice(0, 12)] }]]);

    expect(networkEndpoints(containers, aliases).get("net-app")?.[0]?.aliases).toEqual(["db"]);
  });

  it("leaves out containers outside the label scope", () => {
    expect(
      networkEndpoints(containers, new Map(), (l) => l.team === "a")
        .get("net-app")
        ?.map((e) => e.name),
    ).toEqual(["api"]);
  });
});

describe("toNetworkSummary", () => {
  it("maps IPAM, flags and predefined networks", () => {
    const s = toNetworkSummary(
      "edge",
      {
        Id: "n1",
        Name: "none",
        Driver: "null",
        Created: "0001-01-01T00:00:00Z",
        IPAM: { Driver: "default", Config: [{ Subnet: "10.1.0.0/16", Gateway: "10.1.0.1" }, {}] },
      },
      undefined,
    );

    expect(s).toMatchObject({
      hostId: "edge",
      predefined: true,
      internal: false,
      ipam: [{ subnet: "10.1.0.0/16", gateway: "10.1.0.1" }],
      containers: [],
    });
    expect(s.created).toBeUndefined();
  });

  it("reads aliases only for user-defined networks", () => {
    expect([
      ...aliasCapableNetworkIds([
        { Id: "1", Name: "host" },
        { Id: "2", Name: "app" },
      ]),
    ]).toEqual(["2"]);
  });
});

describe("checkFixedAddresses", () => {
  const net = { Id: "n", Name: "app", IPAM: { Config: [{ Subnet: "10.20.0.0/24" }] } };

  it("accepts an address inside a pool, and no address at all", () => {
    expect(() => checkFixedAddresses(net, { ipv4Address: "10.20.0.9" })).not.toThrow();
    expect(() => checkFixedAddresses(net, {})).not.toThrow();
  });

  it("names the field for an address outside the pools, or of a family the network lacks", () => {
    expect(() => checkFixedAddresses(net, { ipv4Address: "10.21.0.9" })).toThrow(
      "ipv4Address: 10.21.0.9 is outside the network's subnets (10.20.0.0/24)",
    );
    expect(() => checkFixedAddresses(net, { ipv6Address: "fd00::9" })).toThrow(
      "ipv6Address: fd00::9 is not possible: the network has no IPv6 subnet",
    );
  });
});
