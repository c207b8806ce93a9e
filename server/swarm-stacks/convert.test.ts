import { describe, expect, it } from "vitest";
import { loadCompose } from "../../lib/compose";
import type { EngineService } from "../swarm/engine-types";
import { canonicalSpec, specDifferences } from "./canon";
import { swarmStackSpec } from "./convert";
import { composeFromServices } from "./from-services";

const FILE = `
services:
  web:
    image: registry.local/web:2
    entrypoint: ["/bin/serve"]
    command: ["--port", "8080"]
    environment: { B: "2", A: "1" }
    labels: { role: web }
    stop_grace_period: 5s
    volumes: ["data:/data", "/srv/static:/static:ro"]
    configs: [{ source: settings, target: /etc/web.conf }]
    secrets: [token]
    deploy:
      replicas: 3
      labels: { team: ops }
      resources: { limits: { cpus: "0.5", memory: 64M } }
      restart_policy: { condition: on-failure, max_attempts: 2 }
      placement: { constraints: ["node.role==worker"], preferences: [{ spread: node.labels.zone }] }
      update_config: { parallelism: 2, delay: 10s, order: start-first, failure_action: rollback }
  agent:
    image: registry.local/agent:1
    deploy: { mode: global }
volumes:
  data: {}
configs:
  settings: { content: "a=1" }
secrets:
  token: { external: true, name: shared_token }
networks:
  default: { internal: true }
`;

const load = (compose: string) =>
  loadCompose({ compose, projectName: "shop", orchestrator: "swarm" }).project;

describe("swarmStackSpec", () => {
  const spec = swarmStackSpec(load(FILE), "shop");

  it("names and labels what it makes as docker stack deploy does", () => {
    const web = spec.services.get("web");
    expect(web?.Name).toBe("shop_web");
    expect(web?.Labels).toEqual({
      team: "ops",
      "com.docker.stack.namespace": "shop",
      "com.docker.stack.image": "registry.local/web:2",
    });
    expect(web?.TaskTemplate?.ContainerSpec).toMatchObject({
      Image: "registry.local/web:2",
      Command: ["/bin/serve"],
      Args: ["--port", "8080"],
      Env: ["A=1", "B=2"],
      Labels: { role: "web", "com.docker.stack.namespace": "shop" },
      StopGracePeriod: 5e9,
      Configs: [
        { ConfigName: "shop_settings", File: { Name: "/etc/web.conf", UID: "0", GID: "0", Mode: 0o444 } },
      ],
      Secrets: [{ SecretName: "shared_token", File: { Name: "token", UID: "0", GID: "0", Mode: 0o444 } }],
    });
    expect(web?.TaskTemplate?.ContainerSpec?.Mounts).toEqual([
      {
        Type: "volume",
        Source: "shop_data",
        Target: "/data",
        VolumeOptions: { Labels: { "com.docker.stack.namespace": "shop" } },
      },
      { Type: "bind", Source: "/srv/static", Target: "/static", ReadOnly: true },
    ]);
    expect(web?.TaskTemplate?.Networks).toEqual([{ Target: "shop_default", Aliases: ["web"] }]);
    expect(web?.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(web?.UpdateConfig).toEqual({
      Parallelism: 2,
      Delay: 10e9,
      FailureAction: "rollback",
      Order: "start-first",
    });
    expect(web?.TaskTemplate?.Resources).toEqual({
      Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 * 1024 },
    });
    expect(web?.TaskTemplate?.Placement).toEqual({
      Constraints: ["node.role==worker"],
      Preferences: [{ Spread: { SpreadDescriptor: "node.labels.zone" } }],
    });
    expect(spec.services.get("agent")?.Mode).toEqual({ Global: {} });
    expect(spec.networks).toEqual([
      expect.objectContaining({ Name: "shop_default", Driver: "overlay", Internal: true, external: false }),
    ]);
    expect(spec.configs).toEqual([
      expect.objectContaining({
        Name: "shop_settings",
        Data: Buffer.from("a=1").toString("base64"),
        external: false,
      }),
    ]);
    expect(spec.secrets).toEqual([expect.objectContaining({ Name: "shared_token", external: true })]);
  });

  it("sees no difference between a spec and the same spec as the engine holds it", () => {
    const web = spec.services.get("web") ?? {};
    const held = structuredClone(web);
    // What the engine and the CLI add on their own: a pinned digest, network ids, config ids.
    const c = held.TaskTemplate?.ContainerSpec ?? {};
    c.Image = `registry.local/web:2@sha256:${"a".repeat(64)}`;
    c.Isolation = "default";
    for (const r of c.Configs ?? []) r.ConfigID = "cfg123";
    held.TaskTemplate!.Networks = [{ Target: "net-id-1", Aliases: ["web"] }];
    const namer = (ref: string) => (ref === "net-id-1" ? "shop_default" : ref);
    expect(specDifferences(web, held, namer)).toEqual([]);
    held.Mode = { Replicated: { Replicas: 4 } };
    c.Env = ["A=1"];
    expect(specDifferences(web, held, namer)).toEqual(["env", "mode or replicas"]);
  });

  it("writes back, from the services, a file that converts to the same specs", () => {
    const services: EngineService[] = [...spec.services.values()].map((s, i) => ({ ID: `svc${i}`, Spec: s }));
    const written = composeFromServices("shop", services, [{ Id: "n1", Name: "shop_default" }]);
    const again = swarmStackSpec(load(written), "shop");
    const namer = (ref: string) => ref;
    for (const [name, s] of spec.services) {
      const back = again.services.get(name);
      expect(back, name).toBeDefined();
      // Configs come back as the existing objects they are: the same name, the same file.
      expect(canonicalSpec(back ?? {}, namer)).toEqual(canonicalSpec(s, namer));
    }
  });
});
