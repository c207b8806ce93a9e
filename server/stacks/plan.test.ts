import { describe, expect, it } from "vitest";
import { loadCompose } from "../../lib/compose";
import type { ComposeProject } from "../../lib/compose/model";
import { planDeploy, type PlanInput } from "./plan";
import type { ProjectContainer } from "./projects";
import { configHash } from "./service-body";

const load = (compose: string): ComposeProject => loadCompose({ compose, projectName: "shop" }).project;

const FILE = `
services:
  db:
    image: local/idle:1
    environment: { ROLE: db }
  api:
    image: local/idle:1
    environment: { ROLE: api }
    deploy: { replicas: 2 }
    depends_on: [db]
  migrate:
    image: local/idle:1
    command: ["true"]
  web:
    image: local/idle:1
    depends_on:
      migrate: { condition: service_completed_successfully }
`;

function running(
  project: ComposeProject,
  service: string,
  number = 1,
  over: Partial<ProjectContainer> = {},
): ProjectContainer {
  const s = project.services[service];
  if (!s) throw new Error(service);
  return {
    id: `${service}${number}`.padEnd(64, "0"),
    name: `shop-${service}-${number}`,
    service,
    number,
    hash: configHash(project, s),
    version: "wharf-1",
    state: "running",
    status: "Up",
    image: "local/idle:1",
    imageId: "sha256:idle",
    labels: {},
    ...over,
  };
}

const input = (
  project: ComposeProject,
  current: ProjectContainer[],
  over: Partial<PlanInput> = {},
): PlanInput => ({
  project,
  current,
  imageIds: new Map([["local/idle:1", "sha256:idle"]]),
  networks: new Set(["shop_default"]),
  volumes: new Set(),
  removeOrphans: false,
  ...over,
});

const actions = (steps: { service: string; action: string; container: string }[]) =>
  steps.map((s) => `${s.container}:${s.action}`).sort();

describe("planDeploy", () => {
  const project = load(FILE);
  const all = () => [
    running(project, "db"),
    running(project, "api", 1),
    running(project, "api", 2),
    running(project, "migrate", 1, { state: "exited" }),
    running(project, "web"),
  ];

  it("creates every replica of a new project, and the default network", () => {
    const plan = planDeploy(input(project, [], { networks: new Set() }));
    expect(actions(plan.steps)).toEqual([
      "shop-api-1:create",
      "shop-api-2:create",
      "shop-db-1:create",
      "shop-migrate-1:create",
      "shop-web-1:create",
    ]);
    expect(plan.objects).toEqual([{ kind: "network", name: "shop_default", action: "create" }]);
  });

  it("keeps everything when nothing changed, and leaves a finished one-shot service stopped", () => {
    const plan = planDeploy(input(project, all()));
    expect(plan.steps.every((s) => s.action === "keep")).toBe(true);
    expect(plan.objects[0]?.action).toBe("keep");
  });

  it("recreates only the service whose settings changed, and says which setting", () => {
    const changed = load(FILE.replace("ROLE: api", "ROLE: api2"));
    const plan = planDeploy(input(changed, all(), { previous: project }));
    const touched = plan.steps.filter((s) => s.action !== "keep");
    expect(actions(touched)).toEqual(["shop-api-1:recreate", "shop-api-2:recreate"]);
    expect(touched[0]?.reason).toBe("changed: environment");
  });

  it("a changed start order alone recreates nothing", () => {
    const reordered = load(FILE.replace("depends_on: [db]", "depends_on: []"));
    expect(planDeploy(input(reordered, all())).steps.every((s) => s.action === "keep")).toBe(true);
  });

  it("recreates a container whose image the reference now names differently", () => {
    const plan = planDeploy(input(project, all(), { imageIds: new Map([["local/idle:1", "sha256:newer"]]) }));
    expect(plan.steps.filter((s) => s.action === "recreate")).toHaveLength(5);
    expect(plan.steps[0]?.reason).toMatch(/was updated/);
  });

  it("starts a stopped long-running container, removes replicas beyond the count, and pulls a missing image", () => {
    const fewer = load(FILE.replace("replicas: 2", "replicas: 1"));
    const current = all().map((c) => (c.service === "db" ? { ...c, state: "exited" as const } : c));
    const plan = planDeploy(input(fewer, current, { imageIds: new Map() }));
    expect(actions(plan.steps.filter((s) => s.action !== "keep"))).toEqual([
      "shop-api-2:remove",
      "shop-db-1:start",
    ]);
    expect(plan.pulls).toEqual(["local/idle:1"]);
  });

  it("follows pull_policy: always pulls an image the host has, never pulls none and says so", () => {
    const always = load(FILE.replace('command: ["true"]', 'command: ["true"]\n    pull_policy: always'));
    expect(planDeploy(input(always, all())).pulls).toEqual(["local/idle:1"]);
    const never = load(FILE.replace('command: ["true"]', 'command: ["true"]\n    pull_policy: never'));
    const plan = planDeploy(input(never, all(), { imageIds: new Map() }));
    expect(plan.pulls).toEqual(["local/idle:1"]);
    expect(plan.warnings.join(" ")).toMatch(/services\.migrate: pull_policy is never/);
  });

  it("says a CPU reservation is not applied rather than dropping it quietly", () => {
    const reserved = load(
      FILE.replace(
        "deploy: { replicas: 2 }",
        "deploy: { replicas: 2, resources: { reservations: { cpus: '0.5' } } }",
      ),
    );
    expect(planDeploy(input(reserved, all())).warnings.join(" ")).toMatch(
      /services\.api\.deploy\.resources\.reservations\.cpus/,
    );
  });

  it("recreates what shares a replaced service's network, and restarts what asks to be", () => {
    const file = (role: string) => `
services:
  vpn:
    image: local/idle:1
    environment: { ROLE: ${role} }
  app:
    image: local/idle:1
    network_mode: service:vpn
  web:
    image: local/idle:1
    network_mode: none
    depends_on:
      vpn: { condition: service_started, restart: true }
  other:
    image: local/idle:1
    network_mode: none
`;
    const before = load(file("a"));
    const current = ["vpn", "app", "web", "other"].map((s) => running(before, s));
    const plan = planDeploy(input(load(file("b")), current, { previous: before }));
    const by = Object.fromEntries(plan.steps.map((st) => [st.service, st]));
    expect(by.vpn?.action).toBe("recreate");
    expect(by.app).toMatchObject({
      action: "recreate",
      reason: "it shares the network of vpn, which is replaced",
    });
    expect(by.web).toMatchObject({ action: "restart" });
    expect(by.other?.action).toBe("keep");
    expect(planDeploy(input(before, current)).steps.every((st) => st.action === "keep")).toBe(true);
  });

  it("warns about orphans, and removes them only when asked", () => {
    const orphan = { ...running(project, "db"), service: "old", name: "shop-old-1", id: "o".repeat(64) };
    const kept = planDeploy(input(project, [...all(), orphan]));
    expect(kept.steps.some((s) => s.service === "old")).toBe(false);
    expect(kept.warnings.join(" ")).toMatch(/old/);
    const removed = planDeploy(input(project, [...all(), orphan], { removeOrphans: true }));
    expect(removed.steps.find((s) => s.service === "old")).toMatchObject({
      action: "remove",
      container: "shop-old-1",
    });
  });

  it("keeps containers another tool made when their settings match the file", () => {
    const foreign = all().map((c) => ({ ...c, hash: "cli-hash", version: "1.29.2" }));
    expect(planDeploy(input(project, foreign)).steps.filter((s) => s.action === "recreate")).toHaveLength(5);
    const same = new Set(foreign.map((c) => c.id));
    expect(
      planDeploy(input(project, foreign, { sameAsFile: same })).steps.every((s) => s.action === "keep"),
    ).toBe(true);
  });
});
