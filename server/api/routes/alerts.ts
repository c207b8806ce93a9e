import { silenceCovers } from "../../alerts/silence-match";
import { auditedTarget, shownConfig, withStoredSecrets } from "../../alerts/target-secrets";
import {
  ruleInputSchema,
  silenceInputSchema,
  targetInputSchema,
  type AlertView,
  type Rule,
  type TargetEdit,
  type TargetView,
} from "../../../lib/alerts";
import { AppError } from "../../../lib/errors";
import { scopeAllowsAlert, scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import { numericIdSchema } from "../../../lib/schemas";
import { z } from "zod";
import type { StoredAlert } from "../../alerts/alert-store";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { hostInScope, isLabelScoped } from "../../scope/targets";
import type { AlertService } from "../../alerts/service";
import { parseWith, queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { principalOf } from "../targets";

const idOf = (rc: RequestContext) => parseWith(numericIdSchema, rc.params.id, "id: ");

const alertQuerySchema = z.object({
  state: z.enum(["firing", "resolved"], { error: "must be firing or resolved" }).optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").default(200),
});

/** An alert the principal may see: as `alert:update` pushes are filtered (see scopeAllowsAlert). */
const alertVisible = (p: Principal, a: StoredAlert) => scopeAllowsAlert(p.scope, a);

const view = ({ subject: _s, labels: _l, lastAt: _t, ...a }: StoredAlert): AlertView => a;

function checkTargets(ctx: AppContext, r: Pick<Rule, "targets">): void {
  const known = new Set(ctx.alerts.store.targets().map((t) => t.id));
  const missing = r.targets.filter((t) => !known.has(t));
  if (missing.length)
    throw new AppError("VALIDATION", `targets: no target with id ${missing.join(", ")}`, {
      issues: [{ field: "targets", message: `no target with id ${missing.join(", ")}` }],
    });
}

/** A saved target, audited as the list shows it. */
function audited(rc: RequestContext, t: TargetView): TargetView {
  rc.audit.target = t.name;
  rc.audit.params = { name: t.name, kind: t.kind, endpoint: t.endpoint };
  return t;
}

/**
 * A silence the principal may set: an unscoped one anything; a host-scoped one only on its hosts;
 * a label-scoped one only a subject (container name or project/service) of its own containers.
 */
async function checkSilenceScope(
  ctx: AppContext,
  p: Principal,
  s: { hostId?: string; subject?: string },
): Promise<void> {
  if (p.scope.hosts !== "*" && !s.hostId)
    throw new AppError("FORBIDDEN", "hostId: your access is limited to some hosts; name one");
  // A host out of scope answers as an unknown one.
  if (s.hostId) hostInScope(ctx, p, s.hostId);
  if (!isLabelScoped(p)) return;
  if (!s.subject)
    throw new AppError("FORBIDDEN", "subject: your access is limited to labelled containers; name one");
  const hosts = ctx.hosts
    .ids()
    .filter((id) => (!s.hostId || s.hostId === id) && scopeAllowsHost(p.scope, id))
    .flatMap((id) => ctx.hosts.find(id) ?? []);
  const ownsContainer = hosts.some((host) => {
    const live = host.live.containers;
    return (
      live.ready &&
      live.list().some((c) => {
        if (!scopeAllowsLabels(p.scope, c.labels)) return false;
        const service = `${c.labels["com.docker.compose.project"] ?? ""}/${c.labels["com.docker.compose.service"] ?? ""}`;
        return c.name === s.subject || service === s.subject;
      })
    );
  });
  if (ownsContainer) return;
  // A volume of theirs by name (a disk alert's subject); a host that does not answer has none.
  for (const host of hosts) {
    const volumes = await host.live.volumes.get().catch(() => ({ Volumes: [] }));
    if (
      (volumes.Volumes ?? []).some((v) => v.Name === s.subject && scopeAllowsLabels(p.scope, v.Labels ?? {}))
    )
      return;
  }
  throw new AppError("NOT_FOUND", `subject: no container, service or volume "${s.subject}" in your scope`);
}

/** A silence the principal may see or end: on its hosts, and under a label scope, one it set. */
function silenceVisible(
  store: AlertService["store"],
  p: Principal,
  s: { id: number; hostId?: string },
): boolean {
  if (s.hostId ? !scopeAllowsHost(p.scope, s.hostId) : p.scope.hosts !== "*") return false;
  return !isLabelScoped(p) || store.silenceOwner(s.id) === p.scope.labelSelector;
}

/** Alert rules and targets (admins), alerts and silences (everyone, within their scope). */
export function registerAlertRoutes(router: Router, ctx: AppContext): void {
  const alerts = ctx.alerts;
  const store = alerts.store;

  router.add({
    method: "GET",
    path: "/api/v1/alerts/rules",
    access: "admin",
    scope: "global",
    summary: "Alert rules",
    handler: () => ({ items: store.rules() }),
  });
  router.add({
    method: "POST",
    path: "/api/v1/alerts/rules",
    access: "admin",
    scope: "global",
    audit: "alerts.rule.create",
    status: 201,
    summary: "Add a rule: {name, kind, scope, params, targets, cooldownSeconds, enabled}",
    handler: async (rc) => {
      const input = parseWith(ruleInputSchema, await rc.body());
      checkTargets(ctx, input);
      const rule = store.addRule(input, principalOf(rc).name);
      rc.audit.target = rule.name;
      return rule;
    },
  });
  router.add({
    method: "PUT",
    path: "/api/v1/alerts/rules/:id",
    access: "admin",
    scope: "global",
    audit: "alerts.rule.update",
    summary: "Replace a rule",
    handler: async (rc) => {
      const id = idOf(rc);
      const input = parseWith(ruleInputSchema, await rc.body());
      checkTargets(ctx, input);
      const rule = store.updateRule(id, input);
      if (!rule) throw new AppError("NOT_FOUND", `no rule ${id}`);
      rc.audit.target = rule.name;
      return rule;
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/alerts/rules/:id",
    access: "admin",
    scope: "global",
    audit: "alerts.rule.delete",
    summary: "Remove a rule; its alerts stay in the history, open ones resolved",
    handler: (rc) => {
      const id = idOf(rc);
      const rule = store.rule(id);
      if (!rule || !store.removeRule(id)) throw new AppError("NOT_FOUND", `no rule ${id}`);
      rc.audit.target = rule.name;
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/alerts/targets",
    access: "admin",
    scope: "global",
    summary: "Delivery targets, with each one's last delivery; secrets and webhook paths are never shown",
    handler: () => ({ items: store.targets() }),
  });
  router.add({
    method: "POST",
    path: "/api/v1/alerts/targets",
    access: "admin",
    scope: "global",
    audit: "alerts.target.create",
    status: 201,
    summary:
      "Add a target: {name, config: {kind: webhook|slack|discord|ntfy|email|dingtalk|wecom|feishu, …}}",
    handler: async (rc) => {
      const body = await rc.body();
      // A webhook's URL is its password: even a refused request is audited without it.
      rc.audit.params = auditedTarget(body);
      const input = parseWith(targetInputSchema, body);
      return audited(rc, store.addTarget(input, principalOf(rc).name));
    },
  });
  router.add({
    method: "GET",
    path: "/api/v1/alerts/targets/:id",
    access: "admin",
    scope: "global",
    summary: "A target as its edit form needs it: its config without secrets, and which secrets are stored",
    handler: (rc): TargetEdit => {
      const id = idOf(rc);
      const t = store.targets().find((x) => x.id === id);
      const stored = store.targetConfig(id);
      if (!t || !stored) throw new AppError("NOT_FOUND", `no target ${id}`);
      return { id, name: t.name, endpoint: t.endpoint, ...shownConfig(stored.config) };
    },
  });
  router.add({
    method: "PUT",
    path: "/api/v1/alerts/targets/:id",
    access: "admin",
    scope: "global",
    audit: "alerts.target.update",
    summary:
      "Replace a target: {name, config}; a secret (url, token, secret, password) left out or empty keeps the stored one, null removes it",
    handler: async (rc) => {
      const body = await rc.body();
      rc.audit.params = auditedTarget(body);
      const id = idOf(rc);
      const stored = store.targetConfig(id);
      if (!stored) throw new AppError("NOT_FOUND", `no target ${id}`);
      rc.audit.target = stored.name;
      const input = parseWith(targetInputSchema, withStoredSecrets(body, stored.config));
      const t = store.updateTarget(id, input);
      if (!t) throw new AppError("NOT_FOUND", `no target ${id}`);
      return audited(rc, t);
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/alerts/targets/:id",
    access: "admin",
    scope: "global",
    audit: "alerts.target.delete",
    summary: "Remove a target",
    handler: (rc) => {
      const id = idOf(rc);
      if (!store.removeTarget(id)) throw new AppError("NOT_FOUND", `no target ${id}`);
      return { ok: true };
    },
  });
  router.add({
    method: "POST",
    path: "/api/v1/alerts/targets/:id/test",
    access: "admin",
    scope: "global",
    audit: "alerts.target.test",
    status: 202,
    summary: "Queue a test notification to the target; its result shows as the target's last delivery",
    handler: (rc) => {
      const id = idOf(rc);
      const t = store.targets().find((x) => x.id === id);
      if (!t) throw new AppError("NOT_FOUND", `no target ${id}`);
      rc.audit.target = t.name;
      alerts.test(id, principalOf(rc).name);
      return { queued: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/alerts",
    access: "read",
    scope: "fleet",
    summary: "Alerts in scope, firing first, then the most recent: ?state=firing|resolved&limit=",
    handler: (rc) => {
      const q = parseWith(alertQuerySchema, queryObject(rc.query), "query.");
      const p = principalOf(rc);
      const now = Date.now();
      const silences = store.silences(now);
      const items = store
        .list(5000)
        .filter((a) => alertVisible(p, a) && (!q.state || a.state === q.state))
        .slice(0, q.limit)
        .map(view)
        // A firing alert is silenced as soon as a silence covers it, not only if one did when it opened.
        .map((a) =>
          !a.silenced && a.state === "firing" && silences.some((s) => silenceCovers(s, a, now))
            ? { ...a, silenced: true }
            : a,
        );
      return { items };
    },
  });
  router.add({
    method: "POST",
    path: "/api/v1/alerts/:id/ack",
    access: "operate",
    scope: "fleet",
    audit: "alerts.ack",
    summary: "Acknowledge an alert: it stays open but is marked as seen by you",
    handler: (rc) => {
      const id = idOf(rc);
      const p = principalOf(rc);
      const a = store.alert(id);
      if (!a || !alertVisible(p, a)) throw new AppError("NOT_FOUND", `no alert ${id}`);
      store.ack(id, p.name, Date.now());
      return view(store.alert(id) as StoredAlert);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/alerts/silences",
    access: "read",
    scope: "fleet",
    summary: "Silences in force or to come",
    handler: (rc) => {
      const p = principalOf(rc);
      return { items: store.silences(Date.now()).filter((s) => silenceVisible(store, p, s)) };
    },
  });
  router.add({
    method: "POST",
    path: "/api/v1/alerts/silences",
    access: "operate",
    scope: "fleet",
    audit: "alerts.silence.create",
    status: 201,
    summary: "Silence matching alerts for a while: {ruleId?, hostId?, subject?, startsAt?, endsAt, comment}",
    handler: async (rc) => {
      const input = parseWith(silenceInputSchema, await rc.body());
      const p = principalOf(rc);
      await checkSilenceScope(ctx, p, input);
      return store.addSilence(input, p.scope.labelSelector ?? "", p.name, Date.now());
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/alerts/silences/:id",
    access: "operate",
    scope: "fleet",
    audit: "alerts.silence.delete",
    summary: "End a silence now",
    handler: (rc) => {
      const id = idOf(rc);
      const p = principalOf(rc);
      const s = store.silences(0).find((x) => x.id === id);
      if (!s || !silenceVisible(store, p, s)) throw new AppError("NOT_FOUND", `no silence ${id}`);
      store.removeSilence(id);
      return { ok: true };
    },
  });
}
