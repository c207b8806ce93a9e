import type { Overview, OverviewEvent, OverviewHost } from "../../../lib/overview";
import { scopeAllowsAlert, scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import type { AppContext } from "../../context";
import { isWharfProbe } from "../../engines/disk-probe";
import { eventLabels } from "../../engines/engine-events";
import { hostCapacity, type HostCapacity } from "../../engines/host-capacity";
import { inScope, isLabelScoped } from "../../scope/targets";
import type { Router } from "../router";
import { principalOf } from "../targets";

const PROJECT = "com.docker.compose.project";
/** The events an operator wants to see first: deaths, OOM kills and health changes. */
const IMPORTANT = (action: string) =>
  action === "die" || action === "oom" || action.startsWith("health_status");
/** A first look at the overview waits this long for a host's first disk figure; later looks never wait. */
const DISK_WAIT_MS = 1500;
/** The fleet at a glance, for the landing page: every host in scope, firing alerts, what just happened. */
export function registerOverviewRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/overview",
    access: "read",
    scope: "fleet",
    summary:
      "Every host in scope with its containers and stacks by state, use against capacity, its data root's disk and firing alerts; the fleet's firing alerts and latest deaths, OOM kills and health changes",
    handler: async (rc): Promise<Overview> => {
      const p = principalOf(rc);
      const whole = !isLabelScoped(p);
      const firing = ctx.alerts.store.firing().filter((a) => scopeAllowsAlert(p.scope, a));
      const events: OverviewEvent[] = [];
      const hosts = await Promise.all(
        ctx.hosts
          .ids()
          .filter((id) => scopeAllowsHost(p.scope, id))
          .flatMap((id) => ctx.hosts.find(id) ?? [])
          .map(async (host): Promise<OverviewHost> => {
            const s = host.summary();
            const id = s.id;
            const containers: Record<string, number> = {};
            const projects = new Map<string, { running: number; total: number }>();
            let cpu = 0;
            let mem = 0;
            const live = host.live.containers;
            if (live.ready)
              for (const c of live.list()) {
                if (!inScope(p, c) || isWharfProbe(c.labels)) continue;
                containers[c.state] = (containers[c.state] ?? 0) + 1;
                const project = c.labels[PROJECT];
                if (project) {
                  const x = projects.get(project) ?? { running: 0, total: 0 };
                  x.total++;
                  if (c.state === "running") x.running++;
                  projects.set(project, x);
                }
                const l = ctx.collector.latest.get(`${id}/container/${c.id}`);
                if (l) {
                  cpu += l.values.cpu / 100;
                  mem += l.values.mem;
                }
              }
            for (const e of host.recentEvents.query({ limit: 200, types: ["container"] }).items) {
              const labels = eventLabels(e.attributes);
              if (IMPORTANT(e.action) && scopeAllowsLabels(p.scope, labels) && !isWharfProbe(labels))
                events.push({
                  hostId: id,
                  time: e.time,
                  action: e.action,
                  containerId: e.id,
                  ...(e.name ? { name: e.name } : {}),
                  ...(e.attributes.exitCode ? { exitCode: e.attributes.exitCode } : {}),
                });
            }
            const total = whole ? ctx.collector.latest.get(`${id}/host/`) : undefined;
            const cap: HostCapacity = s.status === "up" ? await hostCapacity(host) : {};
            const disk = s.status === "up" ? (await ctx.disk.read(host, DISK_WAIT_MS))?.disk : undefined;
            const stacks = { running: 0, partial: 0, stopped: 0 };
            for (const x of projects.values())
              stacks[x.running === x.total ? "running" : x.running ? "partial" : "stopped"]++;
            return {
              id,
              name: s.name,
              status: s.status,
              ...(s.error ? { error: s.error } : {}),
              ...(s.engineVersion ? { engineVersion: s.engineVersion } : {}),
              containers,
              stacks,
              firing: firing.filter((a) => a.hostId === id).length,
              ...(cap.cpus ? { cpus: cap.cpus } : {}),
              ...(cap.memory ? { memoryTotal: cap.memory } : {}),
              ...(disk ? { disk } : {}),
              ...(live.ready
                ? {
                    cpuPercent: total ? total.values.cpu / 100 : cpu,
                    memoryBytes: total ? total.values.mem : mem,
                  }
                : {}),
              wholeHost: whole,
            };
          }),
      );
      events.sort((a, b) => b.time - a.time);
      return {
        hosts,
        firing: firing.slice(0, 50).map(({ subject: _s, labels: _l, lastAt: _t, ...a }) => a),
        events: events.slice(0, 30),
      };
    },
  });
}
