import { describe, expect, it } from "vitest";
import { toHostSwarm, toNode, toSecret, toService, toTask } from "./views";

describe("swarm views", () => {
  it("reads a manager's place in the swarm from /info", () => {
    expect(
      toHostSwarm({
        LocalNodeState: "active",
        ControlAvailable: true,
        NodeID: "n1",
        NodeAddr: "127.0.0.11",
        Nodes: 3,
        Managers: 3,
        Cluster: { ID: "c1" },
        RemoteManagers: [{ NodeID: "n1", Addr: "127.0.0.11:2377" }],
        Error: "",
      }),
    ).toEqual({
      state: "active",
      manager: true,
      clusterId: "c1",
      nodeId: "n1",
      nodeAddr: "127.0.0.11",
      managers: 3,
      nodes: 3,
      remoteManagers: ["127.0.0.11:2377"],
    });
    expect(toHostSwarm({ LocalNodeState: "" })).toEqual({ state: "inactive", manager: false });
  });

  it("shows a node's role, availability, reachability and resources", () => {
    const n = toNode(
      {
        ID: "n2",
        Version: { Index: 7 },
        Spec: { Role: "manager", Availability: "drain", Labels: { zone: "a" } },
        Description: {
          Hostname: "vm",
          Resources: { NanoCPUs: 2e9, MemoryBytes: 1024 },
          Engine: { EngineVersion: "20.10.24" },
        },
        Status: { State: "ready", Addr: "127.0.0.12" },
        ManagerStatus: { Leader: false, Reachability: "reachable", Addr: "127.0.0.12:2377" },
      },
      2,
    );
    expect(n).toMatchObject({
      id: "n2",
      version: 7,
      role: "manager",
      availability: "drain",
      status: "ready",
      leader: false,
      reachability: "reachable",
      nanoCpus: 2e9,
      labels: { zone: "a" },
      runningTasks: 2,
    });
  });

  it("shows a service's mode, replicas, image without its pinned digest, and policies in durations", () => {
    const s = toService({
      ID: "s1",
      Version: { Index: 12 },
      Spec: {
        Name: "web",
        Mode: { Replicated: { Replicas: 6 } },
        TaskTemplate: { ContainerSpec: { Image: `local/busybox:1.35@sha256:${"a".repeat(64)}` } },
        UpdateConfig: {
          Parallelism: 2,
          Delay: 1e9,
          FailureAction: "rollback",
          Monitor: 5e9,
          Order: "start-first",
        },
      },
      ServiceStatus: { RunningTasks: 5, DesiredTasks: 6 },
      UpdateStatus: { State: "updating", Message: "update in progress" },
      PreviousSpec: { Name: "web" },
    });
    expect(s).toMatchObject({
      name: "web",
      mode: "replicated",
      replicas: 6,
      running: 5,
      image: "local/busybox:1.35",
      canRollback: true,
      updateStatus: { state: "updating", message: "update in progress" },
      updateConfig: {
        parallelism: 2,
        delay: "1s",
        failureAction: "rollback",
        monitor: "5s",
        order: "start-first",
      },
    });
  });

  it("shows a service's limits and reservations, leaving out what the engine holds as none", () => {
    // Arrange
    const spec = (Resources: object) => ({
      ID: "s2",
      Spec: { Name: "api", TaskTemplate: { ContainerSpec: { Image: "local/busybox:1.35" }, Resources } },
    });
    // Act
    const both = toService(
      spec({
        Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 ** 2 },
        Reservations: { NanoCPUs: 0, MemoryBytes: 32 * 1024 ** 2 },
      }),
    );
    const none = toService(spec({ Limits: {}, Reservations: { NanoCPUs: 0 } }));
    // Assert
    expect(both.resources).toEqual({
      limits: { nanoCpus: 5e8, memoryBytes: 64 * 1024 ** 2 },
      reservations: { memoryBytes: 32 * 1024 ** 2 },
    });
    expect(none).not.toHaveProperty("resources");
  });

  it("names tasks as the CLI does and keeps their errors", () => {
    const t = toTask(
      {
        ID: "t1",
        ServiceID: "s1",
        Slot: 3,
        NodeID: "n1",
        DesiredState: "shutdown",
        Status: { State: "failed", Err: "task: non-zero exit (3)", ContainerStatus: { ExitCode: 3 } },
      },
      "web",
    );
    expect(t).toMatchObject({
      name: "web.3",
      state: "failed",
      error: "task: non-zero exit (3)",
      exitCode: 3,
    });
    expect(toTask({ ID: "t2", ServiceID: "s1", NodeID: "n9" }, "agent").name).toBe("agent.n9");
  });

  it("never copies a secret's data, whatever the engine sends", () => {
    const s = toSecret({ ID: "x", Spec: { Name: "db", Data: Buffer.from("hunter2").toString("base64") } });
    expect(JSON.stringify(s)).not.toContain(Buffer.from("hunter2").toString("base64"));
    expect(s).toEqual({ id: "x", version: 0, name: "db", labels: {} });
  });
});
