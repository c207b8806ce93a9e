import {
  isPredefinedNetwork,
  networkConnectSchema,
  networkCreateSchema,
  networkDisconnectSchema,
  networkPruneSchema,
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
  listNetworks,
  pruneNetworks,
  refusePredefined,
  removeNetwork,
} from "../../engines/networks";
import { parseWith } from "../http";
import type { Router } from "../router";
import { containerInScope, labelCheck, scopedFilters, withScopeLabel } from "../../scope/targets";
import { acrossHosts } from "../../scope/fan-out";
import { hostFilterOf, hostOf, networkOf, principalOf } from "../targets";

export function registerNetworkRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/networks",
    access: "read",
    scope: "fleet",
    summary: "Networks of every host in scope with their attached containers; unreachable hosts in errors",
    handler: async (rc) => {
      const visible = labelCheck(principalOf(rc));
      const r = await acrossHosts<NetworkSummary>(ctx, principalOf(rc), hostFilterOf(rc), (host) =>
        listNetworks(host, visible),
      );
      return r satisfies NetworkList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/networks",
    access: "read",
    scope: "host",
    summary: "One host's networks: driver, scope, IPAM, flags, labels and attached containers with addresses",
    handler: async (rc) =>
      ({
        items: await listNetworks(hostOf(rc), labelCheck(principalOf(rc))),
      }) satisfies NetworkList,
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/networks/:id",
    access: "read",
    scope: "network",
    summary: "One network by id, id prefix or name, with its attached containers",
    handler: async (rc) => getNetwork(hostOf(rc), networkOf(rc).Id, labelCheck(principalOf(rc))),
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks",
    access: "operate",
    scope: "host",
    audit: "network.create",
    status: 201,
    summary: "Create a bridge network (optionally internal) from the Engine API's NetworkCreate body",
    handler: async (rc) => {
      const host = hostOf(rc);
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
    scope: "network",
    audit: "network.remove",
    summary:
      "Remove a network; the engine refuses while containers are attached; bridge, host and none are refused",
    handler: async (rc) => {
      // The engine's own networks are refused by name on every engine, whether or not it has them.
      if (isPredefinedNetwork(rc.params.id ?? "")) refusePredefined(rc.params.id ?? "");
      rc.audit.target = networkOf(rc).Name;
      await removeNetwork(hostOf(rc), networkOf(rc));
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/:id/connect",
    access: "operate",
    scope: "network",
    audit: "network.connect",
    summary: "Attach a container, optionally with DNS aliases and a fixed IPv4/IPv6 address",
    handler: async (rc) => {
      const body = parseWith(networkConnectSchema, await rc.body());
      const host = hostOf(rc);
      const raw = networkOf(rc);
      rc.audit.target = raw.Name;
      checkFixedAddresses(raw, body);
      const containerId = await containerInScope(host, body.container, principalOf(rc), "container");
      await connectNetwork(host, raw.Id, containerId, body);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/:id/disconnect",
    access: "operate",
    scope: "network",
    audit: "network.disconnect",
    summary: "Detach a container (force: also when the engine cannot reach the endpoint cleanly)",
    handler: async (rc) => {
      const body = parseWith(networkDisconnectSchema, await rc.body());
      const host = hostOf(rc);
      const raw = networkOf(rc);
      rc.audit.target = raw.Name;
      const containerId = await containerInScope(host, body.container, principalOf(rc), "container");
      await disconnectNetwork(host, raw.Id, containerId, body);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/networks/prune",
    access: "operate",
    scope: "host",
    audit: "network.prune",
    summary:
      "Remove networks no running container uses (label filters; label-scoped callers prune only their label)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const body = parseWith(networkPruneSchema, await rc.body());
      const filters = scopedFilters(principalOf(rc), body.filters);
      const result = await pruneNetworks(host, filters);
      rc.audit.params = { filters, result };
      return result;
    },
  });
}
