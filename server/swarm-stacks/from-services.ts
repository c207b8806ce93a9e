/**
 * A stack file written from a swarm stack's services, for adopting a stack made with
 * `docker stack deploy`: loaded back for the swarm and converted, it gives the same specs, so the
 * first plan after adoption keeps every service. Configs and secrets are named as external: a
 * secret's value cannot be read back, and they already exist.
 */
import { stringify } from "yaml";
import type { EngineService, EngineUpdatePolicy } from "../swarm/engine-types";
import type { EngineNetworkBrief } from "./plan";
import { STACK_IMAGE, STACK_NAMESPACE } from "./labels";

type Doc = Record<string, unknown>;

const seconds = (ns: number | undefined) => (ns === undefined ? undefined : `${ns / 1e9}s`);

/** Keeps only the keys whose value says something. */
function tidy<T extends Doc>(o: T): T {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (
      v === undefined ||
      (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)
    )
      delete o[k];
  }
  return o;
}

const withoutStackLabels = (labels: Record<string, string> | undefined) => {
  const out = { ...(labels ?? {}) };
  delete out[STACK_NAMESPACE];
  delete out[STACK_IMAGE];
  return out;
};

const policy = (p: EngineUpdatePolicy | undefined) =>
  p &&
  tidy({
    parallelism: p.Parallelism,
    delay: seconds(p.Delay),
    failure_action: p.FailureAction,
    monitor: seconds(p.Monitor),
    max_failure_ratio: p.MaxFailureRatio,
    order: p.Order,
  });

const resources = (r: { NanoCPUs?: number; MemoryBytes?: number; Pids?: number } | undefined) =>
  r &&
  tidy({
    cpus: r.NanoCPUs !== undefined ? String(r.NanoCPUs / 1e9) : undefined,
    memory: r.MemoryBytes !== undefined ? `${r.MemoryBytes}b` : undefined,
    pids: r.Pids,
  });

export function composeFromServices(
  namespace: string,
  services: readonly EngineService[],
  networks: readonly EngineNetworkBrief[],
): string {
  const netName = new Map(networks.map((n) => [n.Id, n.Name]));
  const topNetworks: Doc = {};
  const topVolumes: Doc = {};
  const topConfigs: Doc = {};
  const topSecrets: Doc = {};
  /** A stack object's key in the file: its name less the namespace prefix, or declared external. */
  const keyOf = (top: Doc, name: string, external: Doc) => {
    if (name.startsWith(`${namespace}_`)) {
      const key = name.slice(namespace.length + 1);
      top[key] ??= {};
      return key;
    }
    top[name] = external;
    return name;
  };
  const out: Doc = {};
  for (const s of [...services].sort((a, b) => (a.Spec?.Name ?? "").localeCompare(b.Spec?.Name ?? ""))) {
    const spec = s.Spec ?? {};
    const name = (spec.Name ?? s.ID).replace(new RegExp(`^${namespace}_`), "");
    const tt = spec.TaskTemplate ?? {};
    const c = tt.ContainerSpec ?? {};
    const x = c as Record<string, unknown>;
    const image = spec.Labels?.[STACK_IMAGE] ?? c.Image?.replace(/@sha256:[0-9a-f]{64}$/, "");
    const hc = x.Healthcheck as
      | { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number }
      | undefined;
    const mounts =
      (x.Mounts as { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean }[] | undefined) ??
      [];
    const rp = tt.RestartPolicy;
    const pl = tt.Placement;
    const ep = spec.EndpointSpec;
    const dns = x.DNSConfig as { Nameservers?: string[]; Search?: string[] } | undefined;
    out[name] = tidy({
      image,
      entrypoint: c.Command,
      command: c.Args,
      environment: c.Env,
      labels: withoutStackLabels(c.Labels),
      working_dir: c.Dir || undefined,
      user: c.User || undefined,
      hostname: x.Hostname as string | undefined,
      stop_grace_period: seconds(c.StopGracePeriod),
      stop_signal: x.StopSignal as string | undefined,
      tty: x.TTY === true ? true : undefined,
      stdin_open: x.OpenStdin === true ? true : undefined,
      read_only: x.ReadOnly === true ? true : undefined,
      init: x.Init as boolean | undefined,
      cap_add: x.CapabilityAdd as string[] | undefined,
      cap_drop: x.CapabilityDrop as string[] | undefined,
      sysctls: x.Sysctls as Record<string, string> | undefined,
      extra_hosts: (x.Hosts as string[] | undefined)?.map((h) => {
        const [ip, host] = h.split(/\s+/);
        return `${host}:${ip}`;
      }),
      dns: dns?.Nameservers,
      dns_search: dns?.Search,
      healthcheck:
        hc &&
        tidy({
          test: hc.Test,
          interval: seconds(hc.Interval),
          timeout: seconds(hc.Timeout),
          retries: hc.Retries,
          start_period: seconds(hc.StartPeriod),
        }),
      volumes: mounts.map((m) =>
        tidy({
          type: m.Type,
          source:
            m.Type === "volume" && m.Source
              ? keyOf(topVolumes, m.Source, { external: true, name: m.Source })
              : m.Source,
          target: m.Target,
          read_only: m.ReadOnly ? true : undefined,
        }),
      ),
      networks: Object.fromEntries(
        (tt.Networks ?? []).map((n) => {
          const full = netName.get(n.Target ?? "") ?? n.Target ?? "";
          const key = keyOf(topNetworks, full, { external: true, name: full });
          const aliases = (n.Aliases ?? []).filter((a) => a !== name);
          return [key, aliases.length ? { aliases } : null];
        }),
      ),
      configs: c.Configs?.map((r) => ({
        source: keyOf(topConfigs, r.ConfigName ?? "", { external: true, name: r.ConfigName }),
        target: r.File?.Name,
        uid: r.File?.UID,
        gid: r.File?.GID,
        mode: r.File?.Mode,
      })),
      secrets: c.Secrets?.map((r) => ({
        source: keyOf(topSecrets, r.SecretName ?? "", { external: true, name: r.SecretName }),
        target: r.File?.Name,
        uid: r.File?.UID,
        gid: r.File?.GID,
        mode: r.File?.Mode,
      })),
      ports: ep?.Ports?.map((p) =>
        tidy({ target: p.TargetPort, published: p.PublishedPort, protocol: p.Protocol, mode: p.PublishMode }),
      ),
      logging: (() => {
        const l = tt.LogDriver as { Name?: string; Options?: Record<string, string> } | undefined;
        return l && tidy({ driver: l.Name, options: l.Options });
      })(),
      deploy: tidy({
        mode: spec.Mode?.Global ? "global" : undefined,
        replicas: spec.Mode?.Replicated?.Replicas,
        labels: withoutStackLabels(spec.Labels),
        endpoint_mode: ep?.Mode === "dnsrr" ? "dnsrr" : undefined,
        resources: tidy({
          limits: resources(tt.Resources?.Limits),
          reservations: resources(tt.Resources?.Reservations),
        }),
        restart_policy:
          rp &&
          tidy({
            condition: rp.Condition,
            delay: seconds(rp.Delay),
            max_attempts: rp.MaxAttempts,
            window: seconds(rp.Window),
          }),
        placement:
          pl &&
          tidy({
            constraints: pl.Constraints,
            preferences: pl.Preferences?.map((p) => ({ spread: p.Spread?.SpreadDescriptor })),
            max_replicas_per_node: pl.MaxReplicas,
          }),
        update_config: policy(spec.UpdateConfig),
        rollback_config: policy(spec.RollbackConfig),
      }),
    });
  }
  // Configs and secrets of the stack exist already with their labels: named, not written again.
  for (const top of [topConfigs, topSecrets])
    for (const key of Object.keys(top))
      if (!(top[key] as Doc).external) top[key] = { external: true, name: `${namespace}_${key}` };
  const doc = tidy({
    services: out,
    networks: topNetworks,
    volumes: topVolumes,
    configs: topConfigs,
    secrets: topSecrets,
  });
  return stringify(doc, { lineWidth: 0, compat: "yaml-1.1" });
}
