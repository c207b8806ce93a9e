import type { ComposeProject, ComposeService, DependsCondition } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import type { PlanStep } from "../../lib/stacks/types";
import { createContainer, removeQuietly, startContainer } from "../engines/container-create";
import type { HostConnection } from "../engines/host-connection";
import type { ImageInspect } from "../engines/engine-types";
import { inspectEngineImage } from "../engines/images";
import { ifFound, toAppError } from "../errors";
import type { Plan } from "./plan";
import type { StackJob } from "./stack-job";
import {
  createProjectNetwork,
  createProjectVolume,
  inspectById,
  putServiceFiles,
  renameContainer,
  stopContainer,
  waitCompleted,
  waitHealthy,
} from "./stack-engine";
import { serviceBody, type ProjectContext } from "./service-body";
import { imageOf } from "./image-name";
import { inheritVolumes } from "./inherit-volumes";

export interface DeployInput {
  host: HostConnection;
  project: ComposeProject;
  plan: Plan;
  ctx: ProjectContext;
  /** Pulls one image onto the host (as an image job of its own). */
  pull: (ref: string) => Promise<void>;
  /** Builds a service's image from the stack's files (as a build job of its own). */
  build: (service: ComposeService, image: string) => Promise<void>;
}

/** The strongest condition any service waits for on `service`: what its swap must pass before it is final. */
function gateOf(project: ComposeProject, service: string): DependsCondition {
  let gate: DependsCondition = "service_started";
  for (const s of Object.values(project.services)) {
    const c = s.dependsOn[service]?.condition;
    if (c === "service_healthy" && gate === "service_started") gate = c;
    if (c === "service_completed_successfully") gate = c;
  }
  return gate;
}

/** Dependencies a service waits for: depends_on, and the services it shares a namespace with or links to. */
function dependencies(s: ComposeService): [string, DependsCondition][] {
  const deps = new Map<string, DependsCondition>(
    Object.entries(s.dependsOn).map(([d, o]) => [d, o.condition]),
  );
  const shared = /^service:(.+)$/.exec(s.networkMode ?? "")?.[1];
  if (shared && !deps.has(shared)) deps.set(shared, "service_started");
  for (const l of s.links) {
    const d = l.split(":")[0] ?? "";
    if (d && !deps.has(d)) deps.set(d, "service_started");
  }
  return [...deps];
}

const failMessage = (err: unknown, hostId: string) =>
  toAppError(err, { hostId, log: "[stacks] deploy" }).message;

/**
 * Runs a planned deploy: project networks and volumes, the pulls, then every service at once, each
 * waiting for what it depends on. A service's replacement container must pass the condition its
 * dependents wait for before its old container is removed; otherwise the old one is put back
 * running. A failed service fails its dependents, never the others.
 */
export async function deploy(job: StackJob, input: DeployInput): Promise<{ changed: string[] }> {
  const { host, project, plan, ctx } = input;
  const signal = job.signal;
  const changed: string[] = [];
  const services = Object.values(project.services);
  const orphanServices = [
    ...new Set(plan.steps.filter((s) => !project.services[s.service]).map((s) => s.service)),
  ];
  job.plan([...services.map((s) => s.name), ...orphanServices]);

  for (const o of plan.objects.filter((o) => o.action === "create")) {
    job.check();
    if (o.kind === "network") {
      const [key, n] = Object.entries(project.networks).find(([, n]) => n.name === o.name) ?? [];
      if (key && n) await createProjectNetwork(host, project.name, key, n, ctx);
    } else {
      const [key, v] = Object.entries(project.volumes).find(([, v]) => v.name === o.name) ?? [];
      if (key && v) await createProjectVolume(host, project.name, key, v, ctx);
    }
    job.log(`${o.kind} ${o.name}: created`);
  }

  const pulled = new Map<string, Promise<void>>();
  for (const ref of plan.pulls) {
    const users = services.filter((s) => s.image === ref).map((s) => s.name);
    for (const u of users) job.service(u, "working", `pulling ${ref}`);
    const p = input.pull(ref);
    p.catch(() => undefined);
    pulled.set(ref, p);
  }

  for (const name of plan.builds) {
    const s = project.services[name];
    if (!s) continue;
    const image = imageOf(project, s);
    job.service(name, "working", `building ${image}`);
    const p = input.build(s, image);
    p.catch(() => undefined);
    pulled.set(`build:${name}`, p);
  }

  /** The first container of each service, by the name other services' settings refer to it. */
  const peers = new Map<string, string>();
  const peer = (service: string) => peers.get(service) ?? `${project.name}-${service}-1`;
  for (const st of plan.steps)
    if (st.containerId && !peers.has(st.service)) peers.set(st.service, st.containerId);

  const ready = new Map<string, { started: Promise<string[]> }>();
  const started = new Map<string, { resolve: (ids: string[]) => void; reject: (e: unknown) => void }>();
  for (const s of services) {
    let resolve: (ids: string[]) => void = () => undefined;
    let reject: (e: unknown) => void = () => undefined;
    const promise = new Promise<string[]>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined);
    ready.set(s.name, { started: promise });
    started.set(s.name, { resolve, reject });
  }

  const waitFor = async (dep: string, condition: DependsCondition, ids: string[]) => {
    if (condition === "service_started") return;
    await Promise.all(
      ids.map((id) =>
        condition === "service_healthy"
          ? waitHealthy(host, id, `${dep}`, signal)
          : waitCompleted(host, id, `${dep}`, signal),
      ),
    );
  };

  const runService = async (s: ComposeService) => {
    const mark = started.get(s.name);
    try {
      if (s.image && pulled.has(s.image)) {
        await pulled.get(s.image);
        job.service(s.name, "working", `pulled ${s.image}`);
      }
      if (pulled.has(`build:${s.name}`)) {
        await pulled.get(`build:${s.name}`);
        job.service(s.name, "working", `built ${imageOf(project, s)}`);
      }
      for (const [dep, condition] of dependencies(s)) {
        const depReady = ready.get(dep);
        if (!depReady) continue;
        job.service(s.name, "waiting", `waiting for ${dep} (${condition.replace("service_", "")})`);
        let ids: string[];
        try {
          ids = await depReady.started;
        } catch {
          throw new AppError("CONFLICT", `not deployed: ${dep}, which it depends on, failed`);
        }
        try {
          await waitFor(dep, condition, ids);
        } catch (err) {
          throw new AppError("CONFLICT", `not deployed: ${failMessage(err, host.spec.id)}`);
        }
      }
      job.check();
      const ids = await runSteps(
        s,
        plan.steps.filter((st) => st.service === s.name),
      );
      mark?.resolve(ids);
      if (job.serviceState(s.name) !== "failed") {
        const touched = plan.steps.filter((st) => st.service === s.name && st.action !== "keep").length;
        job.service(s.name, "done", touched ? describe(plan.steps, s.name) : "up to date");
      }
    } catch (err) {
      mark?.reject(err);
      if (job.serviceState(s.name) !== "restored")
        job.service(s.name, "failed", failMessage(err, host.spec.id));
    }
  };

  const removeStep = async (st: PlanStep & { containerId: string }) => {
    job.service(st.service, "working", `removing ${st.container}`);
    await stopContainer(host, st.containerId);
    const err = await removeQuietly(host, st.containerId);
    if (err) throw new AppError("ENGINE_ERROR", `could not remove ${st.container}: ${err}`);
    changed.push(st.containerId);
  };

  const runSteps = async (s: ComposeService, steps: PlanStep[]): Promise<string[]> => {
    const ids: string[] = [];
    const gate = gateOf(project, s.name);
    for (const st of steps) {
      job.check();
      if (st.action === "keep") {
        if (st.containerId) ids.push(st.containerId);
        continue;
      }
      if (st.action === "remove" && st.containerId) {
        await removeStep({ ...st, containerId: st.containerId });
        continue;
      }
      if ((st.action === "start" || st.action === "restart") && st.containerId) {
        job.service(
          s.name,
          "working",
          `${st.action === "start" ? "starting" : "restarting"} ${st.container}`,
        );
        if (st.action === "restart") await stopContainer(host, st.containerId);
        await startContainer(host, st.containerId);
        changed.push(st.containerId);
        ids.push(st.containerId);
        continue;
      }
      const n = Number(/-(\d+)$/.exec(st.container)?.[1] ?? ids.length + 1);
      const body = serviceBody(project, s, n, ctx, peer);
      if (st.action === "create") {
        job.service(s.name, "working", `creating ${body.name}`);
        const id = await createStarted(s, body);
        if (!peers.has(s.name)) peers.set(s.name, id);
        changed.push(id);
        ids.push(id);
        continue;
      }
      if (st.action === "recreate" && st.containerId) {
        job.service(s.name, "working", `recreating ${body.name} (${st.reason})`);
        const id = await swap(s, st.containerId, body, gate);
        peers.set(s.name, peers.get(s.name) === st.containerId ? id : (peers.get(s.name) ?? id));
        changed.push(id, st.containerId);
        ids.push(id);
      }
    }
    return ids;
  };

  const createStarted = async (s: ComposeService, body: ReturnType<typeof serviceBody>): Promise<string> => {
    const created = await createContainer(host, { name: body.name, config: body.config });
    try {
      await putServiceFiles(host, created.id, project, s.configs, s.secrets);
      await startContainer(host, created.id);
    } catch (err) {
      await removeQuietly(host, created.id, { volumes: true });
      throw err;
    }
    return created.id;
  };

  /**
   * Replaces one container: the old one stops and steps aside under another name, the new one is
   * made and must pass `gate`; only then is the old one removed. Any failure puts the old one back.
   */
  const swap = async (
    s: ComposeService,
    oldId: string,
    body: ReturnType<typeof serviceBody>,
    gate: DependsCondition,
  ): Promise<string> => {
    const old = await inspectById(host, oldId);
    const oldName = (old.Name ?? body.name).replace(/^\//, "");
    // The new container keeps the old one's anonymous volumes (its data), as compose's recreate does.
    const image: ImageInspect | undefined = await ifFound(inspectEngineImage(host, body.config.Image));
    const kept = inheritVolumes(body.config, old, Object.keys(image?.Config?.Volumes ?? {}));
    if (kept.inherited.length)
      job.log(
        `${s.name}: ${body.name} keeps the volumes at ${kept.inherited.join(", ")} of the container it replaces`,
      );
    const wasRunning = old.State?.Running === true;
    if (wasRunning) await stopContainer(host, oldId);
    const aside = `${oldName}-wharf-old-${oldId.slice(0, 12)}`;
    await renameContainer(host, oldId, aside);
    let newId: string | undefined;
    try {
      newId = await createStarted(s, { ...body, config: kept.config });
      if (gate === "service_healthy") await waitHealthy(host, newId, body.name, signal);
      if (gate === "service_completed_successfully") await waitCompleted(host, newId, body.name, signal);
      job.check();
    } catch (err) {
      if (newId) await removeQuietly(host, newId, { volumes: true });
      await renameContainer(host, oldId, oldName);
      if (wasRunning) await startContainer(host, oldId);
      const why = failMessage(err, host.spec.id);
      job.service(
        s.name,
        "restored",
        `the new container failed (${why}); the old one is ${wasRunning ? "running" : "back"} again`,
      );
      throw new AppError("CONFLICT", why);
    }
    const err = await removeQuietly(host, oldId);
    if (err) job.log(`${s.name}: the old container was kept as ${aside}: ${err}`);
    return newId;
  };

  await Promise.all(services.map(runService));

  for (const service of orphanServices) {
    try {
      for (const st of plan.steps)
        if (st.service === service && st.action === "remove" && st.containerId)
          await removeStep({ ...st, containerId: st.containerId });
      job.service(service, "done", "orphan removed");
    } catch (err) {
      job.service(service, "failed", failMessage(err, host.spec.id));
    }
  }
  return { changed };
}

function describe(steps: readonly PlanStep[], service: string): string {
  const counts = new Map<string, number>();
  for (const st of steps)
    if (st.service === service && st.action !== "keep")
      counts.set(st.action, (counts.get(st.action) ?? 0) + 1);
  const verb = {
    create: "created",
    recreate: "recreated",
    start: "started",
    restart: "restarted",
    remove: "removed",
  } as Record<string, string>;
  return [...counts].map(([a, n]) => `${verb[a] ?? a} ${n}`).join(", ");
}
