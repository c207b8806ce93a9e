import { describe, expect, it } from "vitest";
import type { ComposeLoadInput, ComposeService } from "./model";
import { buildComposeSchema } from "./schema";
import { SUPPORTED_KEYS, SWARM_SUPPORTED_KEYS } from "./supported";
import { issueLines, load } from "./test-helpers";

const SWARM: Partial<ComposeLoadInput> = { orchestrator: "swarm" };

/** One service `web` under `services:`, its body indented under it. */
function file(body: string, rest = ""): string {
  return `services:\n  web:\n${body.replace(/^/gm, "    ")}\n${rest}`;
}

function swarmService(body: string, rest = ""): ComposeService {
  const s = load(file(body, rest), SWARM).project.services.web;
  if (!s) throw new Error("no service");
  return s;
}

function swarmIssues(body: string, rest = ""): string[] {
  return issueLines(file(body, rest), SWARM);
}

function swarmWarnings(body: string, rest = ""): string[] {
  return load(file(body, rest), SWARM).warnings;
}

describe("a swarm service's deploy keys", () => {
  it("reads every key, durations in nanoseconds", () => {
    const s = swarmService(
      [
        "image: nginx",
        "deploy:",
        "  mode: replicated",
        "  replicas: 3",
        "  endpoint_mode: dnsrr",
        "  labels:",
        "    com.example.tier: web",
        "  placement:",
        "    constraints: [node.role==worker, 'node.labels.zone != east']",
        "    preferences:",
        "      - spread: node.labels.zone",
        "      - spread: node.labels.rack",
        "    max_replicas_per_node: 2",
        "  restart_policy:",
        "    condition: on-failure",
        "    delay: 5s",
        "    max_attempts: 3",
        "    window: 2m",
        "  update_config:",
        "    parallelism: 2",
        "    delay: 10s",
        "    failure_action: rollback",
        "    monitor: 1m30s",
        "    max_failure_ratio: 0.25",
        "    order: start-first",
        "  rollback_config:",
        "    parallelism: 0",
        "    delay: 500ms",
        "    failure_action: pause",
        "    monitor: 1h",
        "    max_failure_ratio: 0",
        "    order: stop-first",
      ].join("\n"),
    );
    expect(s.replicas).toBe(3);
    expect(s.swarm).toEqual({
      mode: "replicated",
      labels: { "com.example.tier": "web" },
      endpointMode: "dnsrr",
      placement: {
        constraints: ["node.role==worker", "node.labels.zone != east"],
        preferences: ["node.labels.zone", "node.labels.rack"],
        maxReplicasPerNode: 2,
      },
      restartPolicy: { condition: "on-failure", delay: 5e9, maxAttempts: 3, window: 120e9 },
      updateConfig: {
        parallelism: 2,
        delay: 10e9,
        failureAction: "rollback",
        monitor: 90e9,
        maxFailureRatio: 0.25,
        order: "start-first",
      },
      rollbackConfig: {
        parallelism: 0,
        delay: 500e6,
        failureAction: "pause",
        monitor: 3600e9,
        maxFailureRatio: 0,
        order: "stop-first",
      },
    });
  });

  it("defaults to one replicated task, no labels and no placement", () => {
    expect(swarmService("image: nginx").swarm).toEqual({
      mode: "replicated",
      labels: {},
      placement: { constraints: [], preferences: [] },
    });
  });

  it("reads labels as a list, a global mode, and a policy of one task at a time when parallelism is unset", () => {
    const s = swarmService(
      "image: x\ndeploy:\n  mode: global\n  endpoint_mode: VIP\n  labels: [a=1, b]\n  update_config:\n    order: start-first",
    );
    expect(s.swarm).toEqual({
      mode: "global",
      labels: { a: "1", b: "" },
      endpointMode: "vip",
      placement: { constraints: [], preferences: [] },
      updateConfig: { parallelism: 1, order: "start-first" },
    });
  });

  it("reads interpolated numbers", () => {
    const s = load(
      file(
        "image: x\ndeploy:\n  placement:\n    max_replicas_per_node: ${MAX}\n  update_config:\n    parallelism: ${PAR}\n    max_failure_ratio: ${RATIO}",
      ),
      { ...SWARM, env: "MAX=1\nPAR=4\nRATIO=0.5" },
    ).project.services.web;
    expect(s?.swarm?.placement.maxReplicasPerNode).toBe(1);
    expect(s?.swarm?.updateConfig).toEqual({ parallelism: 4, maxFailureRatio: 0.5 });
  });

  it("is set only for a swarm", () => {
    expect(load(file("image: x")).project.services.web?.swarm).toBeUndefined();
    expect(load(file("image: x"), { orchestrator: "compose" }).project.services.web?.swarm).toBeUndefined();
  });
});

describe("a swarm service's restart policy", () => {
  it.each([
    ["no", { condition: "none" }],
    ["always", { condition: "any" }],
    ["unless-stopped", { condition: "any" }],
    ["on-failure", { condition: "on-failure" }],
    ["on-failure:0", { condition: "on-failure" }],
    ["on-failure:5", { condition: "on-failure", maxAttempts: 5 }],
  ])("restart: %s", (restart, policy) => {
    expect(swarmService(`image: x\nrestart: "${restart}"`).swarm?.restartPolicy).toEqual(policy);
  });

  it("is absent without restart or deploy.restart_policy", () => {
    expect(swarmService("image: x").swarm?.restartPolicy).toBeUndefined();
  });

  it("takes deploy.restart_policy as it is, leaving an unset condition to the swarm", () => {
    expect(
      swarmService("image: x\ndeploy:\n  restart_policy:\n    max_attempts: 2").swarm?.restartPolicy,
    ).toEqual({
      maxAttempts: 2,
    });
    expect(
      swarmService("image: x\nrestart: always\ndeploy:\n  restart_policy:\n    condition: any").swarm
        ?.restartPolicy,
    ).toEqual({ condition: "any" });
  });

  it("prefers deploy.restart_policy to restart, and says restart is ignored", () => {
    const r = load(file("image: x\nrestart: always\ndeploy:\n  restart_policy:\n    condition: none"), SWARM);
    expect(r.project.services.web?.swarm?.restartPolicy).toEqual({ condition: "none" });
    expect(r.warnings).toEqual([
      "services.web.restart: ignored on a swarm, as `docker stack deploy` ignores it beside deploy.restart_policy",
    ]);
  });

  it("refuses a condition, delay, window or attempt count the swarm would not take", () => {
    expect(
      swarmIssues(
        "image: x\ndeploy:\n  restart_policy:\n    condition: always\n    delay: soon\n    window: '5'\n    max_attempts: -1",
      ),
    ).toEqual([
      'services.web.deploy.restart_policy.condition: must be "none", "on-failure" or "any"',
      'services.web.deploy.restart_policy.delay: "soon" is not a duration such as "1m30s", "10s" or "500ms"',
      'services.web.deploy.restart_policy.window: "5" is not a duration such as "1m30s", "10s" or "500ms"',
      "services.web.deploy.restart_policy.max_attempts: cannot be negative",
    ]);
    expect(swarmIssues("image: x\nrestart: sometimes")).toEqual([
      'services.web.restart: must be "no", "always", "on-failure", "on-failure:N" or "unless-stopped"',
    ]);
  });
});

describe("keys a swarm cannot honour", () => {
  it("refuses a build without an image", () => {
    expect(swarmIssues("build: .")).toEqual([
      "services.web.build: not supported on a swarm: a swarm does not build images; push the image to a registry the nodes reach and name it in `image`",
    ]);
  });

  it("ignores a build beside an image, with a warning, and builds nothing", () => {
    const r = load(file("image: registry.example/web:1\nbuild: ./missing"), SWARM);
    expect(r.project.services.web?.build).toBeUndefined();
    expect(r.warnings).toEqual([
      "services.web.build: ignored on a swarm, as `docker stack deploy` ignores it: the nodes pull `image`; build and push it beforehand",
    ]);
  });

  it.each([
    [
      "privileged: true",
      "services.web.privileged: not supported on a swarm: a service's tasks cannot run privileged; grant the capabilities they need with `cap_add`",
    ],
    [
      "devices: ['/dev/ttyUSB0:/dev/ttyUSB0']",
      "services.web.devices: not supported on a swarm: a service's tasks cannot map host devices; deploy this service with compose on the host that has them",
    ],
    [
      "network_mode: host",
      'services.web.network_mode: not supported on a swarm: a swarm attaches services to networks; list them under `networks` (for the host\'s network, an external network named "host")',
    ],
    [
      "pull_policy: build",
      "services.web.pull_policy: not supported on a swarm: a swarm does not build images; push the image to a registry the nodes reach and name it in `image`",
    ],
  ])("refuses %s", (line, issue) => {
    expect(swarmIssues(`image: x\n${line}`)).toEqual([issue]);
  });

  it("refuses fixed addresses on a network", () => {
    expect(
      swarmIssues(
        "image: x\nnetworks:\n  front:\n    ipv4_address: 10.0.0.5\n    ipv6_address: fd00::5\n    aliases: [www]",
        "networks:\n  front: {}\n",
      ),
    ).toEqual([
      "services.web.networks.front.ipv4_address: not supported on a swarm: a swarm gives each task its own address; reach the service by its name or an alias",
      "services.web.networks.front.ipv6_address: not supported on a swarm: a swarm gives each task its own address; reach the service by its name or an alias",
    ]);
  });

  it("takes values that ask for nothing a swarm cannot do", () => {
    const s = swarmService("image: x\nprivileged: false\ndevices: []\npull_policy: always");
    expect(s.privileged).toBe(false);
    expect(s.pullPolicy).toBe("always");
  });

  it("reports a refused key once, whatever else would be wrong with it", () => {
    expect(swarmIssues("image: x\nnetwork_mode: service:nobody\nnetworks: [default]")).toEqual([
      'services.web.network_mode: not supported on a swarm: a swarm attaches services to networks; list them under `networks` (for the host\'s network, an external network named "host")',
    ]);
  });

  it.each([
    ["container_name: web-1", "container_name", "a swarm names each task's container itself"],
    ["depends_on: [db]", "depends_on", "a swarm starts every service at once, in no order"],
    ["links: [db]", "links", "services on a shared network reach each other by service name"],
    ["expose: ['8080']", "expose", "services on a shared network reach each other on every port"],
    [
      "security_opt: ['no-new-privileges:true']",
      "security_opt",
      "a service's tasks take no security options",
    ],
    ["shm_size: 1g", "shm_size", "mount a tmpfs at /dev/shm for a larger one"],
  ])("ignores %s with a warning", (line, key, why) => {
    const r = load(file(`image: x\n${line}`, "  db:\n    image: y\n"), SWARM);
    expect(r.warnings).toEqual([
      `services.web.${key}: ignored on a swarm, as \`docker stack deploy\` ignores it: ${why}`,
    ]);
    const s = r.project.services.web;
    expect([s?.containerName, s?.shmSize]).toEqual([undefined, undefined]);
    expect([s?.dependsOn, s?.links, s?.expose, s?.securityOpt]).toEqual([{}, [], [], []]);
  });

  it("warns about an ignored key without checking it", () => {
    expect(
      swarmWarnings(
        "image: x\ncontainer_name: one\ndeploy:\n  replicas: 3\ndepends_on: [ghost]\nexpose: ['x']",
      ),
    ).toHaveLength(3);
  });
});

describe("a global service", () => {
  it("takes no replicas", () => {
    expect(swarmIssues("image: x\ndeploy:\n  mode: global\n  replicas: 2")).toEqual([
      "services.web.deploy.replicas: a global service runs one task per node; drop the replicas or use mode: replicated",
    ]);
    expect(swarmIssues("image: x\nscale: 2\ndeploy:\n  mode: global")).toEqual([
      "services.web.scale: a global service runs one task per node; drop the replicas or use mode: replicated",
    ]);
  });
});

describe("deploy values a swarm would refuse", () => {
  it("names the allowed failure actions, and why a rollback cannot roll back", () => {
    expect(
      swarmIssues(
        "image: x\ndeploy:\n  update_config:\n    failure_action: retry\n  rollback_config:\n    failure_action: rollback",
      ),
    ).toEqual([
      'services.web.deploy.update_config.failure_action: must be "continue", "pause" or "rollback"',
      'services.web.deploy.rollback_config.failure_action: must be "continue" or "pause": a rollback cannot itself roll back',
    ]);
  });

  it("refuses a failure ratio outside 0 to 1, a negative parallelism and a bad duration", () => {
    expect(
      swarmIssues(
        "image: x\ndeploy:\n  update_config:\n    max_failure_ratio: 1.5\n    parallelism: -1\n    monitor: '10'\n  rollback_config:\n    max_failure_ratio: -0.1\n    delay: 1d",
      ),
    ).toEqual([
      "services.web.deploy.update_config.max_failure_ratio: 1.5 must be between 0 and 1: it is the fraction of tasks that may fail",
      "services.web.deploy.update_config.parallelism: cannot be negative",
      'services.web.deploy.update_config.monitor: "10" is not a duration such as "1m30s", "10s" or "500ms"',
      "services.web.deploy.rollback_config.max_failure_ratio: -0.1 must be between 0 and 1: it is the fraction of tasks that may fail",
      'services.web.deploy.rollback_config.delay: "1d" is not a duration such as "1m30s", "10s" or "500ms"',
    ]);
  });

  it("refuses an order other than stop-first or start-first", () => {
    expect(swarmIssues("image: x\ndeploy:\n  update_config:\n    order: random")).toEqual([
      'services.web.deploy.update_config.order: must be one of "start-first", "stop-first"',
    ]);
  });

  it("refuses an unknown mode or endpoint mode", () => {
    expect(swarmIssues("image: x\ndeploy:\n  mode: replicated-job\n  endpoint_mode: round-robin")).toEqual([
      'services.web.deploy.mode: must be "replicated" or "global"',
      'services.web.deploy.endpoint_mode: must be "vip" or "dnsrr"',
    ]);
  });

  it("refuses DNS round-robin beside ports published through the routing mesh", () => {
    expect(swarmIssues("image: x\nports: ['80:80']\ndeploy:\n  endpoint_mode: dnsrr")).toEqual([
      'services.web.deploy.endpoint_mode: "dnsrr" cannot publish ports through the routing mesh; publish them with mode: host, or use "vip"',
    ]);
    const hostPorts =
      "image: x\nports:\n  - {target: 80, published: 80, mode: host}\ndeploy:\n  endpoint_mode: dnsrr";
    expect(swarmService(hostPorts).swarm?.endpointMode).toBe("dnsrr");
  });

  it("refuses a malformed constraint, a preference without spread and a negative replica cap", () => {
    expect(
      swarmIssues(
        "image: x\ndeploy:\n  placement:\n    constraints: [node.role=manager]\n    preferences:\n      - {}\n    max_replicas_per_node: -2",
      ),
    ).toEqual([
      'services.web.deploy.placement.constraints[0]: "node.role=manager" is not a constraint such as "node.role==manager" or "node.labels.zone!=east"',
      'services.web.deploy.placement.preferences[0]: needs "spread", such as spread: node.labels.zone',
      "services.web.deploy.placement.max_replicas_per_node: cannot be negative",
    ]);
  });
});

describe("configs and secrets on a swarm", () => {
  const uses = "image: x\nconfigs: [site, old, own]\nsecrets: [key, file]";

  it("names external ones by name:, external.name or their key, with no content", () => {
    const r = load(
      file(
        uses,
        "configs:\n  site: {external: true}\n  old:\n    external: {name: legacy_site}\n  own: {content: hello, name: own_v2}\nsecrets:\n  key:\n    external: true\n    name: prod_key\n  file: {file: key.txt}\n",
      ),
      { ...SWARM, files: { "key.txt": "s3cret" } },
    );
    expect(r.project.configs).toEqual({
      site: { name: "site", content: "", external: true },
      old: { name: "legacy_site", content: "", external: true },
      own: { name: "own_v2", content: "hello" },
    });
    expect(r.project.secrets).toEqual({
      key: { name: "prod_key", content: "", external: true },
      file: { name: "demo_file", content: "s3cret" },
    });
  });

  it("refuses an external one that also gives content, or two names", () => {
    expect(
      swarmIssues(
        "image: x\nconfigs: [site]\nsecrets: [key]",
        "configs:\n  site:\n    external: true\n    content: hi\nsecrets:\n  key:\n    name: a\n    external: {name: b}\n",
      ),
    ).toEqual([
      'configs.site.content: an external config exists on the swarm already; drop "content" or "external"',
      'secrets.key.external.name: conflicts with "name"; keep only "name"',
    ]);
  });

  it("still refuses external ones outside a swarm", () => {
    expect(issueLines(file("image: x\nconfigs: [site]", "configs:\n  site: {external: true}\n"))).toEqual([
      "configs.site.external: external configs need a swarm; give a file, environment or content instead",
    ]);
  });
});

describe("the swarm's keys outside a swarm", () => {
  it("are not supported, as before", () => {
    const body = [
      "image: x",
      "deploy:",
      "  mode: global",
      "  labels: {a: b}",
      "  endpoint_mode: vip",
      "  placement: {constraints: [node.role==manager]}",
      "  update_config: {parallelism: 1}",
      "  rollback_config: {parallelism: 1}",
      "  restart_policy: {condition: any, delay: 5s, window: 1m}",
    ].join("\n");
    expect(issueLines(file(body))).toEqual([
      "services.web.deploy.mode: not supported",
      "services.web.deploy.labels: not supported",
      "services.web.deploy.endpoint_mode: not supported",
      "services.web.deploy.placement: not supported",
      "services.web.deploy.update_config: not supported",
      "services.web.deploy.rollback_config: not supported",
      "services.web.deploy.restart_policy.delay: not supported",
      "services.web.deploy.restart_policy.window: not supported",
    ]);
  });

  it("leave the keys a swarm refuses or ignores as they were", () => {
    const r = load(file("image: x\nprivileged: true\ncontainer_name: one\nshm_size: 1g"));
    expect(r.warnings).toEqual([]);
    expect(r.project.services.web).toMatchObject({
      privileged: true,
      containerName: "one",
      shmSize: 1024 ** 3,
    });
  });

  it("are reported on a swarm when the swarm does not know them either", () => {
    expect(
      swarmIssues(
        "image: x\ndeploy:\n  placement:\n    preferences:\n      - {spread: a, x-note: b}\n  resources:\n    reservations:\n      devices: []",
      ),
    ).toEqual(["services.web.deploy.resources.reservations.devices: not supported"]);
  });
});

describe("SWARM_SUPPORTED_KEYS", () => {
  it("holds every key of SUPPORTED_KEYS", () => {
    for (const [level, keys] of Object.entries(SUPPORTED_KEYS)) {
      const swarm: readonly string[] = SWARM_SUPPORTED_KEYS[level as keyof typeof SUPPORTED_KEYS];
      for (const key of keys) expect(swarm, `${level}.${key}`).toContain(key);
    }
  });

  it("lists only keys the schema knows", () => {
    const schema = JSON.stringify(buildComposeSchema());
    for (const keys of Object.values(SWARM_SUPPORTED_KEYS)) {
      for (const key of keys) expect(schema, key).toContain(`"${key}"`);
    }
  });
});
