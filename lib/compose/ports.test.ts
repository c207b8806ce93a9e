import { describe, expect, it } from "vitest";
import { parseExpose, parseLongPort, parseShortPort } from "./ports";

describe("parseShortPort", () => {
  it.each([
    ["80", [{ target: 80, protocol: "tcp" }]],
    [80, [{ target: 80, protocol: "tcp" }]],
    ["8080:80", [{ target: 80, published: 8080, protocol: "tcp" }]],
    ["127.0.0.1:8080:80/udp", [{ target: 80, published: 8080, hostIp: "127.0.0.1", protocol: "udp" }]],
    ["127.0.0.1::80", [{ target: 80, hostIp: "127.0.0.1", protocol: "tcp" }]],
    ["[::1]:8080:80", [{ target: 80, published: 8080, hostIp: "::1", protocol: "tcp" }]],
    ["::1:8080:80", [{ target: 80, published: 8080, hostIp: "::1", protocol: "tcp" }]],
    ["53:53/SCTP", [{ target: 53, published: 53, protocol: "sctp" }]],
    [
      "8000-8001:80-81",
      [
        { target: 80, published: 8000, protocol: "tcp" },
        { target: 81, published: 8001, protocol: "tcp" },
      ],
    ],
    [
      "3000-3002",
      [
        { target: 3000, protocol: "tcp" },
        { target: 3001, protocol: "tcp" },
        { target: 3002, protocol: "tcp" },
      ],
    ],
  ])("%j", (spec, ports) => {
    expect(parseShortPort(spec)).toEqual({ ports });
  });

  it.each([
    ["80/icmp", 'unknown protocol "icmp" in "80/icmp": use tcp, udp or sctp'],
    ["http", '"http" in "http" is not a port (1-65535) or a port range'],
    ["0", '"0" in "0" is not a port (1-65535) or a port range'],
    ["70000:80", '"70000" in "70000:80" is not a port (1-65535) or a port range'],
    ["81-80", '"81-80" in "81-80" is not a port (1-65535) or a port range'],
    [
      "8000-8010:80",
      '"8000-8010:80": a host port range for one container port is not supported; publish one host port',
    ],
    ["8000-8002:80-81", '"8000-8002:80-81": the host and container port ranges differ in length'],
    ["local:80:80", '"local" in "local:80:80" is not an IP address'],
  ])("refuses %j", (spec, error) => {
    expect(parseShortPort(spec)).toEqual({ error });
  });
});

describe("parseLongPort", () => {
  it("reads target, published, host_ip and protocol", () => {
    expect(
      parseLongPort({ target: 80, published: "8080", host_ip: "0.0.0.0", protocol: "udp", mode: "host" }),
    ).toEqual({
      ports: [{ target: 80, published: 8080, hostIp: "0.0.0.0", protocol: "udp" }],
    });
    expect(parseLongPort({ target: 443 })).toEqual({ ports: [{ target: 443, protocol: "tcp" }] });
  });

  it("refuses a missing target, bad ports and protocols", () => {
    expect(parseLongPort({})).toEqual({ error: 'needs "target"' });
    expect(parseLongPort({ target: 0 })).toEqual({ error: "target 0 is not a port (1-65535)" });
    expect(parseLongPort({ target: 80, published: "8000-8001" })).toEqual({
      error: 'published "8000-8001" is not a port (1-65535)',
    });
    expect(parseLongPort({ target: 80, protocol: "icmp" })).toEqual({
      error: 'unknown protocol "icmp": use tcp, udp or sctp',
    });
  });
});

describe("parseExpose", () => {
  it("gives port/protocol strings, ranges expanded", () => {
    expect(parseExpose(3000)).toEqual({ ports: ["3000/tcp"] });
    expect(parseExpose("53/udp")).toEqual({ ports: ["53/udp"] });
    expect(parseExpose("8000-8002")).toEqual({ ports: ["8000/tcp", "8001/tcp", "8002/tcp"] });
  });

  it("refuses what is not a port", () => {
    expect(parseExpose("http")).toEqual({ error: '"http" is not a port (1-65535) or a port range' });
  });
});
