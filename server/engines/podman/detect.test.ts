import { describe, expect, it } from "vitest";
import { engineIdentity, podmanFacts } from "./detect";

// As Debian's podman 4.3.1 and docker.io 20.10.24 answer GET /version (trimmed).
const PODMAN = {
  Components: [
    { Name: "Podman Engine", Version: "4.3.1", Details: { APIVersion: "4.3.1" } },
    { Name: "Conmon", Version: "conmon version 2.1.6, commit: unknown" },
    { Name: "OCI Runtime (runc)", Version: "runc version 1.1.5+ds1" },
  ],
  Version: "4.3.1",
  ApiVersion: "1.41",
};
const DOCKER = {
  Components: [
    { Name: "Engine", Version: "20.10.24+dfsg1" },
    { Name: "containerd", Version: "1.6.20~ds1" },
    { Name: "runc", Version: "1.1.5+ds1" },
    { Name: "docker-init", Version: "0.19.0" },
  ],
  Version: "20.10.24+dfsg1",
  ApiVersion: "1.41",
};

describe("engineIdentity", () => {
  it("tells Podman by its Podman Engine component", () => {
    expect(engineIdentity(PODMAN)).toEqual({ kind: "podman", version: "4.3.1", apiVersion: "1.41" });
  });

  it("keeps Docker as Docker", () => {
    expect(engineIdentity(DOCKER)).toEqual({ kind: "docker", version: "20.10.24+dfsg1", apiVersion: "1.41" });
  });

  it("never takes Docker for Podman on a word alone", () => {
    const lookalikes = [
      { ...DOCKER, Version: "podman-4.3.1" },
      { ...DOCKER, Components: [{ Name: "Engine", Version: "Podman Engine" }] },
      { ...DOCKER, Components: [{ Name: "podman engine", Version: "4.3.1" }] },
      { ...DOCKER, Components: [{ Name: "OCI Runtime (crun)", Version: "1.8" }] },
      { Version: "24.0.7", ApiVersion: "1.43", Components: null },
      {},
    ];
    for (const v of lookalikes) expect(engineIdentity(v).kind).toBe("docker");
  });
});

describe("podmanFacts", () => {
  it("reads rootless and the cgroup version from /info", () => {
    const facts = podmanFacts({
      SecurityOptions: ["name=seccomp,profile=default", "name=rootless"],
      CgroupVersion: "1",
    });
    expect(facts).toEqual({ rootless: true, cgroupVersion: 1 });
    expect(podmanFacts({ SecurityOptions: ["name=seccomp,profile=default"], CgroupVersion: "2" })).toEqual({
      rootless: false,
      cgroupVersion: 2,
    });
  });
});
