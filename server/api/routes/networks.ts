import {
  isPredefinedNetwork,
  networkConnectSchema,
  networkCreateSchema,
  networkDisconnectSchema,
  networkPruneSchema,
  networkRefSchema,
  type NetworkList,
  type NetworkSummary,
} from "../../../lib/networks";
import type { AppContext } from "../../context";
import {
  checkFixedAddresses,
  connectNetwork,
  createNetwork,
  disconnectNetwork,
  getNetwork,
  inspectNetworkRaw,
  listNetworks,
  pruneNetworks,
  refusePredefined,
  removeNetwork,
} from "../../engines/networks";
import { parseWith } from "../http";
import type { RequestContext, Router } from "../router";
import { containerFor, hostFor, principalOf } from "../scope";
import { acrossHosts, labelCheck, scopedFilters, withScopeLabel } from "./volumes";

/** The network named in the path, resolved to its document after the host and label scope checks. */
async function networkFor(ctx: AppContext, rc: RequestContext) {
  const host = hostFor(ctx, rc);
  const ref = parseWith(networkRefSchema, rc.params.id, "id: ");
  const raw = await inspectNetworkRaw(host, ref, labelCheck(principalOf(rc)));
  rc.audit.target = raw.Name;
  return { host, raw };
}

export function registerNetworkRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/networks",
    access: "read",
    summary: "Networks of every host in scope with their attached containers; unreachable hosts in errors",
    handler: async (rc) => {
      const visible = labelCheck(principalOf(rc));
      const r = await acrossHosts<NetworkSummary>(ctx, rc, (id) => listNetworks(ctx.hosts.get(id), visible));
      return r satisfies NetworkList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/networks",
    access: "read",
    summary: "One host's networks: driver, scope, IPAM, flags, labels and attached containers with addresses",
    handler: async (rc) =>
      ({
        items: await listNetworks(hostFor(ctx, rc), labelCheck(principalOf(rc))),
      }) satisfies NetworkList,
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/networks/:id",
    access: "read",
    summary: "One network by id, id prefix or name, with its attached containers",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const ref = parseWith(networkRefSchema, rc.params.id, "id: ");
      return getNetwork(host, ref, labelCheck(principalOf(rc)));
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks",
    access: "operate",
    audit: "network.create",
    status: 201,
    summary: "Create a bridge network (optionally internal) from the Engine API's NetworkCreate body",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const body = parseWith(networkCreateSchema, await rc.body());
      rc.audit.target = body.Name;
      const labels = withScopeLabel(principalOf(rc), body.Labels);
      return createNetwork(host, { ...body, ...(labels ? { Labels: labels } : {}) });
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/networks/:id",
    access: "operate",
    audit: "network.remove",
    summary:
      "Remove a network; the engine refuses while containers are attached; bridge, host and none are refused",
    handler: async (rc) => {
      // The engine's own networks are refused by name on every engine, whether or not it has them.
      if (isPredefinedNetwork(rc.params.id ?? "")) refusePredefined(rc.params.id ?? "");
      const { host, raw } = await networkFor(ctx, rc);
      await removeNetwork(host, raw);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/:id/connect",
    access: "operate",
    audit: "network.connect",
    summary: "Attach a container, optionally with DNS aliases and a fixed IPv4/IPv6 address",
    handler: async (rc) => {
      const body = parseWith(networkConnectSchema, await rc.body());
      const { host, raw } = await networkFor(ctx, rc);
      checkFixedAddresses(raw, body);
      const containerId = await containerFor(host, body.container, principalOf(rc));
      await connectNetwork(host, raw.Id, containerId, body);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/:id/disconnect",
    access: "operate",
    audit: "network.disconnect",
    summary: "Detach a container (force: also when the engine cannot reach the endpoint cleanly)",
    handler: async (rc) => {
      const body = parseWith(networkDisconnectSchema, await rc.body());
      const { host, raw } = await networkFor(ctx, rc);
      const containerId = await containerFor(host, body.container, principalOf(rc));
      await disconnectNetwork(host, raw.Id, containerId, body);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/prune",
    access: "operate",
    audit: "network.prune",
    summary:
      "Remove networks no running container uses (label filters; label-scoped callers prune only their label)",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const body = parseWith(networkPruneSchema, await rc.body());
      const filters = scopedFilters(principalOf(rc), body.filters);
      const result = await pruneNetworks(host, filters);
      rc.audit.params = { filters, result };
      return result;
    },
  });
}
