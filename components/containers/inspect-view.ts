/** Reads the fields the detail page shows out of an engine inspect document, tolerating missing parts. */
export interface InspectView {
  id: string;
  image: string;
  command: string;
  created?: string;
  exitCode?: number;
  restartPolicy: string;
  restartCount: number;
  pid: number;
  ports: string[];
  mounts: { type: string; source: string; destination: string; mode: string }[];
  networkMode: string;
  networks: { name: string; ip: string; aliases: string }[];
  labels: [string, string][];
  env: string[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface DescribeOptions {
  /** How an exposed port that is not published reads, e.g. `443/tcp (not published)`. */
  notPublished?: (port: string) => string;
}

export function describeInspect(
  inspect: Obj,
  { notPublished = (port) => `${port} (not published)` }: DescribeOptions = {},
): InspectView {
  const config = obj(inspect.Config);
  const hostConfig = obj(inspect.HostConfig);
  const state = obj(inspect.State);
  const policy = obj(hostConfig.RestartPolicy);
  const policyName = str(policy.Name) || "no";
  const retries = Number(policy.MaximumRetryCount ?? 0);
  const ports = Object.entries(obj(obj(inspect.NetworkSettings).Ports)).flatMap(([port, bindings]) => {
    const list = arr(bindings);
    return list.length
      ? list.map((b) => `${str(obj(b).HostIp) || "0.0.0.0"}:${str(obj(b).HostPort)} → ${port}`)
      : [notPublished(port)];
  });
  return {
    id: str(inspect.Id),
    image: str(config.Image) || str(inspect.Image),
    command: [...arr(config.Entrypoint), ...arr(config.Cmd)].map(String).join(" "),
    created: str(inspect.Created) || undefined,
    exitCode: typeof state.ExitCode === "number" && state.Status !== "running" ? state.ExitCode : undefined,
    restartPolicy: policyName === "on-failure" && retries ? `${policyName}:${retries}` : policyName,
    restartCount: Number(inspect.RestartCount ?? 0),
    pid: Number(state.Pid ?? 0),
    ports,
    mounts: arr(inspect.Mounts).map((m) => {
      const o = obj(m);
      return {
        type: str(o.Type),
        source: str(o.Name) || str(o.Source),
        destination: str(o.Destination),
        mode: o.RW === false ? "ro" : "rw",
      };
    }),
    networkMode: str(hostConfig.NetworkMode) || "default",
    networks: Object.entries(obj(obj(inspect.NetworkSettings).Networks)).map(([name, n]) => ({
      name,
      ip: str(obj(n).IPAddress),
      aliases: arr(obj(n).Aliases).map(String).join(", "),
    })),
    labels: Object.entries(obj(config.Labels))
      .map(([k, v]) => [k, String(v)] as [string, string])
      .sort(),
    env: arr(config.Env).map(String),
  };
}
