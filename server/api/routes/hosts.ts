import { AppError } from "../../../lib/errors";
import { hostCreateSchema, hostIdSchema } from "../../../lib/schemas";
import type { HostSummary } from "../../../lib/types";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { hostInfo } from "../../engines/containers";
import { parseWith } from "../http";
import type { Router } from "../router";
import { visibleHostIds } from "../../scope/targets";
import { hostOf, principalOf } from "../targets";
import { swarmField } from "../../swarm/presence";
import type { HostConnection } from "../../engines/host-connection";
import type { HostSwarm } from "../../../lib/swarm/types";

/** A host's summary, with its swarm state when it is in a swarm (see server/swarm/presence). */
const withSwarm = (h: HostConnection): HostSummary & { swarm?: HostSwarm } => ({
  ...h.summary(),
  ...swarmField(h),
});

/** Engine addresses are for admins; everyone else sees names and health only. */
function forPrincipal<H extends HostSummary>(h: H, p: Principal): H | Omit<H, "url" | "via"> {
  if (p.role === "admin") return h;
  const { url: _url, via: _via, ...rest } = h;
  return rest;
}

export function registerHostRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts",
    access: "read",
    scope: "fleet",
    summary: "Every host in the caller's scope, with its health",
    handler: (rc) => {
      const p = principalOf(rc);
      const ids = new Set(visibleHostIds(ctx, p));
      return {
        items: ctx.hosts
          .ids()
          .filter((id) => ids.has(id))
          .flatMap((id) => ctx.hosts.find(id) ?? [])
          .map((h) => forPrincipal(withSwarm(h), p)),
      };
    },
  });
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId",
    access: "read",
    scope: "host",
    summary: "One host with its health",
    handler: (rc) => forPrincipal(withSwarm(hostOf(rc)), principalOf(rc)),
  });
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/info",
    access: "read",
    scope: "host",
    summary: "Engine info: CPUs, memory, OS, cgroup version, counts",
    handler: async (rc) => hostInfo(hostOf(rc)),
  });
  router.add({
    method: "POST",
    path: "/api/v1/hosts",
    access: "admin",
    scope: "global",
    audit: "host.create",
    status: 201,
    summary: "Add a host; TLS and SSH material is stored encrypted and never sent back",
    handler: async (rc) => {
      const entry = parseWith(hostCreateSchema, await rc.body());
      rc.audit.hostId = entry.id;
      rc.audit.params = {
        id: entry.id,
        name: entry.name,
        url: entry.url,
        tls: !!entry.tls,
        ssh: !!entry.ssh,
      };
      if (ctx.hosts.find(entry.id)) throw new AppError("CONFLICT", `id: host "${entry.id}" already exists`);
      const spec = ctx.managedHosts.add(entry);
      return ctx.hosts.addSpec(spec).summary();
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId",
    access: "admin",
    scope: "global",
    audit: "host.delete",
    summary: "Remove a host added in the UI (hosts from WHARF_HOSTS are read-only)",
    handler: (rc) => {
      const hostId = parseWith(hostIdSchema, rc.params.hostId, "hostId: ");
      const host = ctx.hosts.get(hostId);
      if (!ctx.managedHosts.has(hostId) || host.spec.source !== "managed") {
        throw new AppError("CONFLICT", `host "${hostId}" comes from WHARF_HOSTS; change it there`);
      }
      ctx.managedHosts.remove(hostId);
      ctx.hosts.remove(hostId);
      return { ok: true };
    },
  });
}
