import { z } from "zod";
import type { ComposeProject } from "../../../lib/compose/model";
import { AppError } from "../../../lib/errors";
import { roleAllows } from "../../../lib/permissions";
import {
  composeExportSchema,
  stackCreateSchema,
  stackDeploySchema,
  stackDownSchema,
  stackOperationSchema,
  stackPlanSchema,
  stackUpdateSchema,
} from "../../../lib/stacks/schemas";
import {
  COMPOSE_LABELS,
  type StackList,
  type StackOperation,
  type StackRevision,
  type StackSummary,
} from "../../../lib/stacks/types";
import { composeFromContainers } from "../../stacks/adopt";
import { inspectAll } from "../../stacks/foreign-match";
import { containerInScope, labelCheck } from "../../scope/targets";
import { listEngineNetworks } from "../../engines/networks";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { HostConnection } from "../../engines/host-connection";
import { ownerOf } from "../../scope/image-owners";
import { acrossHosts } from "../../scope/fan-out";
import { deploy } from "../../stacks/deploy";
import { runOperation } from "../../stacks/operations";
import { projectContext } from "../../stacks/project-context";
import { hostProjects, isSwarmStack, stackVisible, type StackTarget } from "../../stacks/stack-scope";
import { applySwarmStack } from "../../swarm-stacks/apply";
import { removeSwarmStack } from "../../swarm-stacks/remove";
import { planOnSwarm, requireSwarmStackAccess, swarmAdoptSource } from "./stacks-swarm";
import { startStackJob, stackBuilder, stackPuller } from "../../stacks/stack-jobs";
import { loadRevision, planStack } from "../../stacks/stack-plan";
import { stackDetail, stackSummary } from "../../stacks/stack-views";
import { redactEnv } from "../../stacks/stack-store";
import { adoptSource } from "../../stacks/adopt-source";
import { parseWith } from "../http";
import type { Router } from "../router";
import { hostFilterOf, hostOf, principalOf, stackOf } from "../targets";

const revisionParamSchema = z.coerce.number().int("must be a whole number").positive("must be positive");

async function summaries(ctx: AppContext, host: HostConnection, p: Principal): Promise<StackSummary[]> {
  const projects = await hostProjects(ctx.stacks, host);
  return [...projects]
    .filter(([, s]) => stackVisible(p, s.stored, s.containers, s.services))
    .map(([name, s]) => stackSummary(ctx.stacks, host.spec.id, name, s.stored, s.containers, s.services))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The file a stack was last deployed from, to name what changed; nothing when it cannot be read. */
function previousProject(ctx: AppContext, hostId: string, name: string): ComposeProject | undefined {
  const last = ctx.stacks.lastDeployed(hostId, name);
  const rev = last && ctx.stacks.revision(hostId, name, last.revision);
  try {
    return rev
      ? loadRevision(name, rev, undefined, ctx.stacks.find(hostId, name)?.orchestrator).project
      : undefined;
  } catch {
    return undefined;
  }
}

/** Applies `scale` overrides to a loaded project; a service the file does not have is refused by name. */
const withProject = <T extends { project: ComposeProject }>(
  loaded: T,
  f: (p: ComposeProject) => ComposeProject,
): T => ({
  ...loaded,
  project: f(loaded.project),
});

function scaled(project: ComposeProject, scale: Record<string, number> | undefined): ComposeProject {
  if (!scale) return project;
  const services = { ...project.services };
  for (const [name, replicas] of Object.entries(scale)) {
    const s = services[name];
    if (!s) throw new AppError("VALIDATION", `scale.${name}: the file has no service ${name}`);
    if (replicas > 1 && s.containerName)
      throw new AppError(
        "VALIDATION",
        `scale.${name}: a service with container_name runs one container only`,
      );
    services[name] = { ...s, replicas };
  }
  return { ...project, services };
}

function storedRevision(ctx: AppContext, host: HostConnection, stack: StackTarget, revision?: number) {
  if (!stack.stored)
    throw new AppError(
      "CONFLICT",
      `Wharf keeps no file for stack ${stack.name}, which was made elsewhere; adopt it first`,
    );
  const rev = ctx.stacks.revision(host.spec.id, stack.name, revision);
  if (!rev)
    throw new AppError("NOT_FOUND", `revision: stack ${stack.name} has no revision ${revision ?? ""}`.trim());
  return rev;
}

export function registerStackRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/stacks",
    access: "read",
    scope: "fleet",
    summary:
      "Every host's compose stacks in scope: services, running containers, state, source (wharf or cli), last deploy",
    handler: async (rc) => {
      const p = principalOf(rc);
      const r = await acrossHosts(ctx, p, hostFilterOf(rc), (host) => summaries(ctx, host, p));
      return { items: r.items, ...(r.errors.length ? { errors: r.errors } : {}) } satisfies StackList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/stacks",
    access: "read",
    scope: "host",
    summary: "One host's compose stacks in scope",
    handler: async (rc) => ({ items: await summaries(ctx, hostOf(rc), principalOf(rc)) }) satisfies StackList,
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/stacks",
    access: "operate",
    scope: "host",
    audit: "stack.create",
    status: 201,
    summary:
      "Store a new stack {name, compose, env?, files?} and answer its plan; it deploys nothing. The file is validated first (400 names the path, line and column)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const b = parseWith(stackCreateSchema, await rc.body());
      rc.audit.target = b.name;
      const existing = (await hostProjects(ctx.stacks, host)).get(b.name);
      if (existing)
        throw new AppError(
          "CONFLICT",
          existing.stored
            ? `name: a stack named ${b.name} already exists on ${host.spec.id}`
            : `name: a project named ${b.name} already runs on ${host.spec.id}; adopt it instead`,
        );
      const orchestrator = b.orchestrator ?? "compose";
      if (orchestrator === "swarm") requireSwarmStackAccess(p, host);
      const rev = { compose: b.compose, env: b.env ?? "", files: b.files ?? {} };
      const loaded = loadRevision(b.name, rev, undefined, orchestrator);
      const view =
        orchestrator === "swarm"
          ? (await planOnSwarm(host, b.name, [], loaded, false)).view
          : (
              await planStack(
                { host, principal: p, owners: ctx.imageOwners, containers: [], removeOrphans: false },
                loaded,
              )
            ).view;
      const revision = ctx.stacks.create(
        host.spec.id,
        b.name,
        ownerOf(p),
        {
          compose: b.compose,
          ...(b.env ? { env: b.env } : {}),
          ...(b.files ? { files: b.files } : {}),
          message: b.message ?? "created",
          author: p.name,
        },
        orchestrator,
      );
      return {
        stack: stackSummary(ctx.stacks, host.spec.id, b.name, ctx.stacks.find(host.spec.id, b.name), []),
        revision,
        plan: view,
      };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/stacks/:name/adopt",
    access: "operate",
    scope: "stack",
    audit: "stack.adopt",
    status: 201,
    summary:
      "Keep files for a project made elsewhere: its own compose file when the host is local and the caller an unscoped admin, else one written from its containers. Answers {revision, plan, from}; the plan of an unchanged project keeps every container",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const s = stackOf(rc);
      rc.audit.target = s.name;
      if (s.stored) throw new AppError("CONFLICT", `Wharf already keeps the files of stack ${s.name}`);
      if (isSwarmStack(s)) {
        requireSwarmStackAccess(p, host);
        const source = await swarmAdoptSource(host, s.name, s.services);
        const loaded = loadRevision(
          s.name,
          { compose: source.compose, env: "", files: {} },
          undefined,
          "swarm",
        );
        const plan = await planOnSwarm(host, s.name, s.services, loaded, false);
        const revision = ctx.stacks.create(
          host.spec.id,
          s.name,
          ownerOf(p),
          { compose: source.compose, message: `adopted: ${source.note}`, author: p.name },
          "swarm",
        );
        rc.audit.params = { from: source.from };
        return { revision, plan: plan.view, from: source.from };
      }
      const source = await adoptSource(host, p, s.name, s.containers);
      const loaded = loadRevision(s.name, { compose: source.compose, env: source.env, files: {} });
      const { view } = await planStack(
        { host, principal: p, owners: ctx.imageOwners, containers: s.containers, removeOrphans: false },
        loaded,
      );
      const revision = ctx.stacks.create(host.spec.id, s.name, ownerOf(p), {
        compose: source.compose,
        ...(source.env ? { env: source.env } : {}),
        message: `adopted: ${source.note}`,
        author: p.name,
      });
      rc.audit.params = { from: source.from };
      return { revision, plan: view, from: source.from };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers/compose",
    access: "read",
    scope: "host",
    audit: "container.export-compose",
    summary:
      "Write a compose file for a selection of containers {containers: [id…], name?}: one service per compose service (or per container), less what their images set",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const b = parseWith(composeExportSchema, await rc.body());
      const ids: string[] = [];
      for (const [i, ref] of b.containers.entries())
        ids.push(await containerInScope(host, ref, p, `containers[${i}]`));
      const { containers, images } = await inspectAll(host, ids);
      if (containers.length !== ids.length)
        throw new AppError("NOT_FOUND", "containers: one of them is gone");
      const name = b.name ?? containers[0]?.Config?.Labels?.[COMPOSE_LABELS.project] ?? "exported";
      const visible = labelCheck(p);
      const networks = (await listEngineNetworks(host)).filter((n) => visible(n.Labels ?? {}));
      return { name, compose: composeFromContainers(name, containers, images, networks) };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/stacks/:name",
    access: "read",
    scope: "stack",
    summary: "A stack: its services and containers, and its current file (.env values only for operators)",
    handler: (rc) => {
      const s = stackOf(rc);
      return stackDetail(
        ctx.stacks,
        hostOf(rc).spec.id,
        s.name,
        s.stored,
        s.containers,
        roleAllows(principalOf(rc).role, "operate"),
        s.services,
      );
    },
  });

  router.add({
    method: "PUT",
    path: "/api/v1/hosts/:hostId/stacks/:name",
    access: "operate",
    scope: "stack",
    audit: "stack.update",
    summary:
      "Store a new revision {compose, env?, files?, message?} and answer its plan; it deploys nothing. An env or files left out carries over from the current revision",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const s = stackOf(rc);
      rc.audit.target = s.name;
      const b = parseWith(stackUpdateSchema, await rc.body());
      // `.env` and the files carry over from the current revision unless the request names them
      // (`""` and `{}` clear them): an edit of the compose file alone keeps the build context.
      const current = storedRevision(ctx, host, s);
      const env = b.env ?? current.env;
      const files = b.files ?? current.files;
      const swarm = isSwarmStack(s);
      if (swarm) requireSwarmStackAccess(p, host);
      const loaded = loadRevision(
        s.name,
        { compose: b.compose, env, files },
        undefined,
        swarm ? "swarm" : "compose",
      );
      const previous = previousProject(ctx, host.spec.id, s.name);
      const { view } = swarm
        ? await planOnSwarm(host, s.name, s.services, loaded, false)
        : await planStack(
            {
              host,
              principal: p,
              owners: ctx.imageOwners,
              containers: s.containers,
              removeOrphans: false,
              ...(previous ? { previous } : {}),
            },
            loaded,
          );
      const revision = ctx.stacks.addRevision(host.spec.id, s.name, {
        compose: b.compose,
        ...(env ? { env } : {}),
        ...(Object.keys(files).length ? { files } : {}),
        message: b.message ?? "",
        author: p.name,
      });
      return { revision, plan: view };
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/stacks/:name",
    access: "operate",
    scope: "stack",
    audit: "stack.remove",
    status: 204,
    summary: "Forget a stack's files and revisions; 409 while it still has containers (bring it down first)",
    handler: (rc) => {
      const s = stackOf(rc);
      rc.audit.target = s.name;
      if (s.containers.length)
        throw new AppError(
          "CONFLICT",
          `stack ${s.name} still has ${s.containers.length} containers; bring it down first`,
        );
      if (s.services.length)
        throw new AppError(
          "CONFLICT",
          `stack ${s.name} still has ${s.services.length} swarm services; bring it down first`,
        );
      ctx.stacks.remove(hostOf(rc).spec.id, s.name);
      return undefined;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/stacks/:name/revisions",
    access: "read",
    scope: "stack",
    summary: "The stack's saved revisions, newest first: author, time, message, and when each was deployed",
    handler: (rc) => ({ items: ctx.stacks.revisions(hostOf(rc).spec.id, stackOf(rc).name) }),
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/stacks/:name/revisions/:revision",
    access: "read",
    scope: "stack",
    summary: "One saved revision with its file and .env (values only for operators), for diffs and rollbacks",
    handler: (rc) => {
      const host = hostOf(rc);
      const s = stackOf(rc);
      const n = parseWith(revisionParamSchema, rc.params.revision, "revision: ");
      const rev = storedRevision(ctx, host, s, n);
      const mayChange = roleAllows(principalOf(rc).role, "operate");
      return {
        revision: rev.revision,
        message: rev.message,
        author: rev.author,
        at: rev.at,
        ...(rev.deployedAt ? { deployedAt: rev.deployedAt } : {}),
        ...(rev.deployedBy ? { deployedBy: rev.deployedBy } : {}),
        compose: rev.compose,
        env: mayChange ? rev.env : redactEnv(rev.env),
      } satisfies StackRevision;
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/stacks/:name/plan",
    access: "read",
    scope: "stack",
    audit: "stack.plan",
    summary: "What a deploy of the current (or a given) revision would do, and why; changes nothing",
    handler: async (rc) => {
      const host = hostOf(rc);
      const s = stackOf(rc);
      const b = parseWith(stackPlanSchema, (await rc.body()) ?? {});
      const rev = storedRevision(ctx, host, s, b.revision);
      if (isSwarmStack(s)) {
        const loaded = withProject(loadRevision(s.name, rev, b.profiles, "swarm"), (p) => scaled(p, b.scale));
        return (await planOnSwarm(host, s.name, s.services, loaded, b.removeOrphans ?? false)).view;
      }
      const previous = previousProject(ctx, host.spec.id, s.name);
      const { view } = await planStack(
        {
          host,
          principal: principalOf(rc),
          owners: ctx.imageOwners,
          containers: s.containers,
          removeOrphans: b.removeOrphans ?? false,
          ...(previous ? { previous } : {}),
        },
        withProject(loadRevision(s.name, rev, b.profiles), (p) => scaled(p, b.scale)),
      );
      return view;
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/stacks/:name/deploy",
    access: "operate",
    scope: "stack",
    audit: "stack.deploy",
    status: 202,
    summary:
      "Deploy the current (or a given, for a rollback) revision as planned: answers {jobId, plan}; progress per service goes out as job:update",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const s = stackOf(rc);
      rc.audit.target = s.name;
      const b = parseWith(stackDeploySchema, (await rc.body()) ?? {});
      const rev = storedRevision(ctx, host, s, b.revision);
      if (isSwarmStack(s)) {
        requireSwarmStackAccess(p, host);
        const loaded = withProject(loadRevision(s.name, rev, b.profiles, "swarm"), (p) => scaled(p, b.scale));
        const plan = await planOnSwarm(host, s.name, s.services, loaded, b.removeOrphans ?? false);
        rc.audit.params = {
          revision: rev.revision,
          steps: plan.view.steps.filter((st) => st.action !== "keep").length,
        };
        const job = startStackJob(
          ctx,
          host,
          p,
          s.name,
          "deploy",
          async (j) => {
            await applySwarmStack(host, plan, j);
            if (!j.anyFailed()) ctx.stacks.markDeployed(host.spec.id, s.name, rev.revision, p.name);
            return [];
          },
          b.jobId,
        );
        return { jobId: job.id, plan: plan.view };
      }
      const loaded = withProject(loadRevision(s.name, rev, b.profiles), (p) => scaled(p, b.scale));
      const previous = previousProject(ctx, host.spec.id, s.name);
      const { plan, view } = await planStack(
        {
          host,
          principal: p,
          owners: ctx.imageOwners,
          containers: s.containers,
          removeOrphans: b.removeOrphans ?? false,
          ...(previous ? { previous } : {}),
        },
        loaded,
      );
      rc.audit.params = {
        revision: rev.revision,
        steps: plan.steps.filter((st) => st.action !== "keep").length,
      };
      const job = startStackJob(
        ctx,
        host,
        p,
        s.name,
        "deploy",
        async (j) => {
          const { changed } = await deploy(j, {
            host,
            project: loaded.project,
            plan,
            ctx: projectContext(p, s.name),
            pull: stackPuller(ctx, host, p),
            build: stackBuilder(ctx, host, p, rev.files),
          });
          if (!j.anyFailed()) ctx.stacks.markDeployed(host.spec.id, s.name, rev.revision, p.name);
          return changed;
        },
        b.jobId,
      );
      return { jobId: job.id, plan: view };
    },
  });

  const operation = (op: Exclude<StackOperation, "deploy">) =>
    router.add({
      method: "POST",
      path: `/api/v1/hosts/:hostId/stacks/:name/${op}`,
      access: "operate",
      scope: "stack",
      audit: `stack.${op}`,
      status: 202,
      summary:
        op === "down"
          ? "Stop and remove the stack's containers and networks (volumes too when {volumes: true}); its files are kept. Answers {jobId}"
          : `${op[0]?.toUpperCase()}${op.slice(1)} the stack's services (or {services: […]}) in dependency order. Answers {jobId}`,
      handler: async (rc) => {
        const host = hostOf(rc);
        const p = principalOf(rc);
        const s = stackOf(rc);
        rc.audit.target = s.name;
        const raw = (await rc.body()) ?? {};
        const b = op === "down" ? parseWith(stackDownSchema, raw) : parseWith(stackOperationSchema, raw);
        if (isSwarmStack(s)) {
          if (op !== "down")
            throw new AppError(
              "CONFLICT",
              `a swarm stack has no ${op}: the swarm keeps its services' tasks running; scale a service on the host's Swarm page, or deploy again`,
            );
          requireSwarmStackAccess(p, host);
          const job = startStackJob(
            ctx,
            host,
            p,
            s.name,
            op,
            async (j) => {
              await removeSwarmStack(host, s.name, j);
              return [];
            },
            b.jobId,
          );
          return { jobId: job.id };
        }
        const rev = s.stored ? ctx.stacks.revision(host.spec.id, s.name) : undefined;
        let project: ComposeProject | undefined;
        try {
          project = rev ? loadRevision(s.name, rev).project : undefined;
        } catch {
          project = undefined;
        }
        const job = startStackJob(
          ctx,
          host,
          p,
          s.name,
          op,
          (j) =>
            runOperation(j, op, {
              host,
              name: s.name,
              containers: s.containers,
              ...(project ? { project } : {}),
              ...("services" in b && b.services ? { services: b.services } : {}),
              pull: stackPuller(ctx, host, p),
              ...(op === "down" ? { down: { volumes: "volumes" in b && b.volumes === true } } : {}),
            }),
          b.jobId,
        );
        return { jobId: job.id };
      },
    });
  for (const op of ["stop", "start", "restart", "pull", "down"] as const) operation(op);
}
