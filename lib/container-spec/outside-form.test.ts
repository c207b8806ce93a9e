import { describe, expect, it } from "vitest";
import { outsideFormFlags } from "./outside-form";

describe("outsideFormFlags", () => {
  it("writes the settings the form does not hold as docker run flags, and skips engine defaults", () => {
    const flags = outsideFormFlags({
      Config: { StopTimeout: 30 },
      HostConfig: {
        Privileged: true,
        CapAdd: ["NET_ADMIN"],
        Devices: [{ PathOnHost: "/dev/fuse", PathInContainer: "/dev/fuse", CgroupPermissions: "rwm" }],
        ExtraHosts: ["db:10.0.0.5"],
        LogConfig: { Type: "json-file", Config: { "max-size": "1m" } },
        Sysctls: { "net.core.somaxconn": "1024" },
        Ulimits: [{ Name: "nofile", Soft: 1024, Hard: 2048 }],
        ShmSize: 64 * 1024 * 1024,
        IpcMode: "private",
        Runtime: "runc",
        Init: true,
      },
    });

    expect(flags).toEqual([
      ["--privileged"],
      ["--cap-add", "NET_ADMIN"],
      ["--device", "/dev/fuse:/dev/fuse"],
      ["--add-host", "db:10.0.0.5"],
      ["--log-opt", "max-size=1m"],
      ["--sysctl", "net.core.somaxconn=1024"],
      ["--ulimit", "nofile=1024:2048"],
      ["--init"],
      ["--stop-timeout", "30"],
    ]);
  });

  it("writes ports the container exposes beyond its image and its published ones", () => {
    const flags = outsideFormFlags(
      {
        Config: { ExposedPorts: { "80/tcp": {}, "9000/tcp": {}, "53/udp": {} } },
        HostConfig: { PortBindings: { "53/udp": [{ HostPort: "53" }] } },
      },
      { ExposedPorts: { "80/tcp": {} } },
    );

    expect(flags).toEqual([["--expose", "9000/tcp"]]);
  });

  it("finds nothing in a plain container", () => {
    expect(
      outsideFormFlags({
        Config: {},
        HostConfig: { ShmSize: 64 * 1024 * 1024, LogConfig: { Type: "json-file", Config: {} } },
      }),
    ).toEqual([]);
  });
});
