import { describe, expect, it } from "vitest";
import { containerRefs, networkRefs } from "./container-refs";

describe("containerRefs: every other container a create body names", () => {
  it("finds container: namespace joins, VolumesFrom and Links under HostConfig", () => {
    const refs = containerRefs({
      Image: "x",
      HostConfig: {
        NetworkMode: "container:web",
        PidMode: "container:0123456789ab",
        IpcMode: "container:db",
        UTSMode: "container:u",
        UsernsMode: "container:n",
        Cgroup: "container:cg",
        VolumesFrom: ["data:ro", "logs"],
        Links: ["/cache:c", "queue"],
      },
    });
    expect(refs).toEqual([
      { field: "config.HostConfig.NetworkMode", ref: "web" },
      { field: "config.HostConfig.PidMode", ref: "0123456789ab" },
      { field: "config.HostConfig.IpcMode", ref: "db" },
      { field: "config.HostConfig.UTSMode", ref: "u" },
      { field: "config.HostConfig.UsernsMode", ref: "n" },
      { field: "config.HostConfig.Cgroup", ref: "cg" },
      { field: "config.HostConfig.VolumesFrom[0]", ref: "data" },
      { field: "config.HostConfig.VolumesFrom[1]", ref: "logs" },
      { field: "config.HostConfig.Links[0]", ref: "cache" },
      { field: "config.HostConfig.Links[1]", ref: "queue" },
    ]);
  });

  it("reads keys in any case, and HostConfig fields at the top of the body, as the engine does", () => {
    expect(
      containerRefs({ hostconfig: { pidmode: "container:a", volumesfrom: "b:rw" }, IpcMode: "container:c" }),
    ).toEqual([
      { field: "config.hostconfig.pidmode", ref: "a" },
      { field: "config.hostconfig.volumesfrom[0]", ref: "b" },
      { field: "config.IpcMode", ref: "c" },
    ]);
    expect(containerRefs({ HostConfig: { PidMode: "container:x" } }, "spec")).toEqual([
      { field: "spec.HostConfig.PidMode", ref: "x" },
    ]);
  });

  it("ignores modes that name no container, and values of the wrong type", () => {
    expect(
      containerRefs({
        HostConfig: {
          NetworkMode: "bridge",
          PidMode: "host",
          IpcMode: "shareable",
          VolumesFrom: [5, null],
          Links: { a: 1 },
        },
      }),
    ).toEqual([]);
    expect(containerRefs(null)).toEqual([]);
    expect(containerRefs("x")).toEqual([]);
  });

  it("keeps an empty reference, so the caller refuses it rather than the engine guessing", () => {
    expect(containerRefs({ HostConfig: { PidMode: "container:" } })).toEqual([
      { field: "config.HostConfig.PidMode", ref: "" },
    ]);
  });
});

describe("networkRefs: the networks a create body attaches to", () => {
  it("reads NetworkMode and the EndpointsConfig keys, leaving out predefined networks and joins", () => {
    expect(
      networkRefs({
        HostConfig: { NetworkMode: "backend" },
        NetworkingConfig: { EndpointsConfig: { backend: {}, frontend: {}, bridge: {} } },
      }),
    ).toEqual([
      { field: "config.HostConfig.NetworkMode", ref: "backend" },
      { field: "config.NetworkingConfig.EndpointsConfig.backend", ref: "backend" },
      { field: "config.NetworkingConfig.EndpointsConfig.frontend", ref: "frontend" },
    ]);
    for (const mode of ["bridge", "none", "host", "default", "container:web", ""])
      expect(networkRefs({ HostConfig: { NetworkMode: mode } }), mode).toEqual([]);
    expect(networkRefs({ networkingconfig: { endpointsconfig: { x: null } } })).toEqual([
      { field: "config.networkingconfig.endpointsconfig.x", ref: "x" },
    ]);
  });
});
