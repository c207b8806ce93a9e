/** One service of the file, every short form expanded to the shape of `ComposeService`. */
import { ShellSyntaxError, splitShellWords } from "../container-spec/shell-words";
import { hasStackFile, type LoadContext, undeclared } from "./context";
import { type Path, q } from "./issues";
import type { ComposeService, ServiceMount, ServicePort } from "./model";
import { parseLongVolume, parseServiceTmpfs, parseShortVolume } from "./mounts";
import { parseExpose, parseLongPort, parseShortPort } from "./ports";
import type { RawService, StringOrList } from "./raw";
import { serviceEnvironment } from "./service-env";
import { serviceRefs } from "./service-refs";
import { serviceRuntime } from "./service-runtime";
import { stackFilePath } from "./stack-paths";
import { swarmDeploy } from "./swarm-deploy";
import { forSwarm } from "./swarm-keys";
import { parseByteSize } from "./units";
import { listOrDictEntries, optionMap, stringList, stringMap } from "./values";

const PULL_POLICIES = {
  always: "always",
  never: "never",
  missing: "missing",
  if_not_present: "missing",
  build: "build",
} as const;

export function normalizeService(ctx: LoadContext, name: string, file: RawService): ComposeService {
  const at: Path = ["services", name];
  const issue = (key: string | (string | number)[], message: string) =>
    ctx.issues.add([...at, ...(Array.isArray(key) ? key : [key])], message);
  if (file.image === undefined && file.build === undefined)
    ctx.issues.add(at, `needs an "image" or a "build"`);
  const swarm = ctx.orchestrator === "swarm";
  const raw = swarm ? forSwarm(ctx, file, at) : file;
  const words = (key: "command" | "entrypoint", v: StringOrList | undefined) => {
    if (v === undefined || Array.isArray(v)) return v;
    try {
      const split = splitShellWords(v);
      // The splitter stops at an operator; compose passes no shell, so the rest would be lost.
      if (split.notices.some((n) => n.startsWith("the line was read up to"))) {
        issue(key, `${q(v)} holds a shell operator; write it as ["sh", "-c", ${q(v)}]`);
      }
      return split.words;
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      issue(key, e.message);
      return undefined;
    }
  };
  const command = words("command", raw.command);
  const entrypoint = words("entrypoint", raw.entrypoint);
  const ports: ServicePort[] = [];
  (raw.ports ?? []).forEach((p, i) => {
    const r = typeof p === "object" ? parseLongPort(p) : parseShortPort(p);
    if ("error" in r) issue(["ports", i], r.error);
    else ports.push(...r.ports);
  });
  const expose: string[] = [];
  (raw.expose ?? []).forEach((p, i) => {
    const r = parseExpose(p);
    if ("error" in r) issue(["expose", i], r.error);
    else expose.push(...r.ports);
  });
  const mounts: ServiceMount[] = [];
  (raw.volumes ?? []).forEach((v, i) => {
    const r =
      typeof v === "string" ? parseShortVolume(v, ctx.workingDir) : parseLongVolume(v, ctx.workingDir);
    if ("error" in r) issue(["volumes", i], r.error);
    else {
      if (
        r.mount.type === "volume" &&
        r.mount.source !== undefined &&
        !ctx.declared.volumes.has(r.mount.source)
      ) {
        issue(["volumes", i], undeclared("volumes", r.mount.source));
      }
      mounts.push(r.mount);
    }
  });
  stringList(raw.tmpfs).forEach((t, i) => {
    const r = parseServiceTmpfs(t);
    if ("error" in r) issue(typeof raw.tmpfs === "string" ? ["tmpfs"] : ["tmpfs", i], r.error);
    else mounts.push(r.mount);
  });
  const shmSize = raw.shm_size === undefined ? undefined : parseByteSize(raw.shm_size);
  if (raw.shm_size !== undefined && shmSize === undefined)
    issue("shm_size", `${q(raw.shm_size)} is not a size such as "64m"`);
  return {
    name,
    ...(raw.image !== undefined ? { image: raw.image } : {}),
    ...build(ctx, raw, at),
    ...(command ? { command } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    environment: serviceEnvironment(ctx, raw, at),
    ports,
    expose,
    mounts,
    ...serviceRefs(ctx, raw, at),
    ...serviceRuntime(ctx, raw, at),
    labels: stringMap(raw.labels),
    ...(raw.user !== undefined ? { user: raw.user } : {}),
    ...(raw.working_dir !== undefined ? { workingDir: raw.working_dir } : {}),
    ...(raw.hostname !== undefined ? { hostname: raw.hostname } : {}),
    ...(raw.domainname !== undefined ? { domainname: raw.domainname } : {}),
    ...(raw.init !== undefined ? { init: raw.init } : {}),
    ...(raw.stop_signal !== undefined ? { stopSignal: raw.stop_signal } : {}),
    tty: raw.tty ?? false,
    stdinOpen: raw.stdin_open ?? false,
    capAdd: [...(raw.cap_add ?? [])],
    capDrop: [...(raw.cap_drop ?? [])],
    privileged: raw.privileged ?? false,
    readOnly: raw.read_only ?? false,
    devices: [...(raw.devices ?? [])],
    securityOpt: [...(raw.security_opt ?? [])],
    extraHosts: listOrDictEntries(raw.extra_hosts).map(([host, ip]) =>
      ip === null ? host : `${host}:${ip}`,
    ),
    dns: stringList(raw.dns),
    dnsSearch: stringList(raw.dns_search),
    sysctls: stringMap(raw.sysctls),
    ...(shmSize !== undefined ? { shmSize } : {}),
    ...(raw.logging
      ? {
          logging: {
            ...(raw.logging.driver ? { driver: raw.logging.driver } : {}),
            options: optionMap(raw.logging.options),
          },
        }
      : {}),
    profiles: [...(raw.profiles ?? [])],
    ...(raw.container_name !== undefined ? { containerName: raw.container_name } : {}),
    ...(raw.pull_policy !== undefined
      ? { pullPolicy: PULL_POLICIES[raw.pull_policy as keyof typeof PULL_POLICIES] }
      : {}),
    ...(swarm ? { swarm: swarmDeploy(ctx, raw, at) } : {}),
  };
}

function build(ctx: LoadContext, raw: RawService, at: Path): Pick<ComposeService, "build"> {
  if (raw.build === undefined) return {};
  const spec = typeof raw.build === "string" ? { context: raw.build } : raw.build;
  const where = typeof raw.build === "string" ? [...at, "build"] : [...at, "build", "context"];
  const rawContext = spec.context ?? ".";
  const context = stackFilePath(rawContext);
  if (/^[a-z]+:\/\/|^git@/i.test(rawContext)) {
    ctx.issues.add(
      where,
      `remote build contexts (${q(rawContext)}) are not supported; add the files to the stack`,
    );
  } else if (context === undefined) {
    ctx.issues.add(where, `${q(rawContext)} must be a directory inside the stack`);
  } else {
    const dockerfile = `${context === "." ? "" : `${context}/`}${spec.dockerfile ?? "Dockerfile"}`;
    if (!hasStackFile(ctx, dockerfile))
      ctx.issues.add(where, `the stack has no ${q(dockerfile)} to build from`);
  }
  const args: Record<string, string> = {};
  // An argument without a value takes it from the `.env` variables, and is left out without one.
  for (const [key, value] of listOrDictEntries(spec.args)) {
    const v = value ?? ctx.vars[key];
    if (v !== undefined) args[key] = v;
  }
  return {
    build: {
      context: context ?? rawContext,
      ...(spec.dockerfile !== undefined ? { dockerfile: spec.dockerfile } : {}),
      args,
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      labels: stringMap(spec.labels),
    },
  };
}
