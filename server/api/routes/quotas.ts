import { AppError } from "../../../lib/errors";
import type { HostQuotaSummary, QuotaRow } from "../../../lib/quotas";
import { resourcesSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import { listContainers } from "../../engines/containers";
import { namespaceView } from "../../engines/namespaces";
import { hostQuotas } from "../../engines/quotas";
import { updateResources } from "../../engines/resources";
import { parseWith } from "../http";
import type { RequestContext, Router } from "../router";
import { eachHost } from "../../scope/fan-out";
import { inScope } from "../../scope/targets";
import { containerOf, hostFilterOf, hostOf, principalOf } from "../targets";

async function quotasOf(ctx: AppContext, rc: RequestContext, hostId: string) {
  const host = ctx.hosts.get(hostId);
  const p = principalOf(rc);
  const containers = (await listContainers(host)).filter((c) => inScope(p, c));
  return hostQuotas(host, containers);
}

/** cgroup limits beside usage, live edits of them, and namespaces: what no other dashboard shows. */
export function registerQuotaRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/quotas",
    access: "read",
    scope: "host",
    summary: "Every limit of each container in scope, and the host's totals against its CPUs and memory",
    handler: async (rc) => quotasOf(ctx, rc, hostOf(rc).spec.id),
  });

  router.add({
    method: "GET",
    path: "/api/v1/quotas",
    access: "read",
    scope: "fleet",
    summary: "Limits and host totals for every host in scope; unreachable hosts are listed in errors",
    handler: async (rc) => {
      const { values, errors } = await eachHost(ctx, principalOf(rc), hostFilterOf(rc), (host) =>
        quotasOf(ctx, rc, host.spec.id),
      );
      const items: QuotaRow[] = values.flatMap((v) => v.value.items);
      const summaries: HostQuotaSummary[] = values.map((v) => v.value.summary);
      return { items, summaries, errors };
    },
  });

  router.add({
    method: "PATCH",
    path: "/api/v1/hosts/:hostId/containers/:id/resources",
    access: "operate",
    scope: "container",
    audit: "container.limits",
    summary:
      "Change live limits; answers the values read back, the engine's warnings and what was not applied",
    handler: async (rc) => {
      const req = parseWith(resourcesSchema, await rc.body());
      const off = hostOf(rc).cannot("liveLimits");
      if (off) throw new AppError("CONFLICT", off.reason, { hostId: hostOf(rc).spec.id, quirk: off.quirk });
      const result = await updateResources(hostOf(rc), containerOf(rc), req);
      const pick = (l: object) => Object.fromEntries(Object.entries(l).filter(([k]) => k in req));
      rc.audit.params = {
        requested: req,
        before: pick(result.before),
        after: pick(result.applied),
        warnings: result.warnings,
        notApplied: result.notApplied.map((n) => n.field),
      };
      return result;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/namespaces",
    access: "read",
    scope: "container",
    summary: "Namespace modes, the container's processes, and namespace identities for a local engine",
    handler: async (rc) => namespaceView(hostOf(rc), containerOf(rc)),
  });
}
